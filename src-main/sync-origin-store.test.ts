import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY } from './csp';
import { SyncOriginStore } from './sync-origin-store';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'debrief-sync-origin-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SyncOriginStore and the CSP', () => {
  it('serves the remembered server in connect-src from the next page load on, also after a restart, and only a ws(s) origin', async () => {
    const dir = tempDir();
    const first = new SyncOriginStore(dir);
    expect(first.current()).toBeNull();
    expect(contentSecurityPolicy(first.current())).toBe(CONTENT_SECURITY_POLICY);
    await first.remember('wss://sync.example.com');
    expect(first.current()).toBe('wss://sync.example.com');
    expect(new SyncOriginStore(dir).current()).toBe('wss://sync.example.com');
    expect(contentSecurityPolicy('wss://sync.example.com')).toContain("connect-src 'self' wss://sync.example.com;");
    expect(contentSecurityPolicy("wss://evil.example.com; script-src 'unsafe-eval'")).toBe(CONTENT_SECURITY_POLICY);
    await first.remember(null);
    expect(JSON.parse(readFileSync(path.join(dir, 'sync-origin.json'), 'utf8'))).toEqual({ origin: null });
    writeFileSync(path.join(dir, 'sync-origin.json'), JSON.stringify({ origin: 'https://not-a-socket.example.com' }));
    expect(new SyncOriginStore(dir).current()).toBeNull();
  });
});
