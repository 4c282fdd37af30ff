import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, mimeTypeFor, resolveAppPath } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';

let parent: string;
let root: string;

beforeAll(() => {
  parent = mkdtempSync(path.join(tmpdir(), 'debrief-protocol-'));
  root = path.join(parent, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Debrief</title>');
  writeFileSync(path.join(root, 'assets', 'main-abc.js'), 'console.log("hi")');
  writeFileSync(path.join(root, 'assets', 'main-abc.css'), 'body{}');
  // A file next to the renderer folder that must never be reachable.
  writeFileSync(path.join(parent, 'secret.txt'), 'top secret');
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://debrief/assets/main-abc.js')).toBe(path.join(root, 'assets', 'main-abc.js'));
    expect(resolveAppPath(root, 'app://debrief/')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    'app://debrief/..%2fsecret.txt',
    'app://debrief/assets/..%2F..%2Fsecret.txt',
    'app://debrief/..%5csecret.txt',
    'app://debrief/assets%5c..%5c..%5csecret.txt',
    'app://debrief/index.html%00.js',
    'app://debrief/%E0%A4%A',
    'app://elsewhere/index.html',
    'https://debrief/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each(['app://debrief/../secret.txt', 'app://debrief/%2e%2e/secret.txt', 'app://debrief/assets/%2E%2E/%2E%2E/secret.txt'])(
    'keeps %s inside the root (the URL parser folds these dot segments away)',
    (url) => {
      expect(resolveAppPath(root, url)).toBe(path.join(root, 'secret.txt'));
    },
  );
});

describe('mimeTypeFor', () => {
  it('names the types the renderer build emits', () => {
    expect(mimeTypeFor('a/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeFor('a/x.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('a/x.mjs')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('a/x.css')).toMatch(/^text\/css/);
    expect(mimeTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a/x.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a/x.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a/x.unknown')).toBe('application/octet-stream');
  });
});

describe('createAppRequestHandler', () => {
  const get = (url: string, method = 'GET') => createAppRequestHandler(root)(new Request(url, { method }));

  it('serves index.html with the CSP header and an HTML type', async () => {
    const res = await get('app://debrief/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Debrief</title>');
  });

  it('serves scripts as JavaScript so module scripts are allowed to run', async () => {
    const res = await get('app://debrief/assets/main-abc.js');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe('console.log("hi")');
  });

  it('refuses traversal with 403 and never returns the outside file', async () => {
    const res = await get('app://debrief/assets/..%2f..%2f..%2fsecret.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('top secret');
    const folded = await get('app://debrief/%2e%2e/%2e%2e/secret.txt');
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('top secret');
  });

  it('answers 404 for a missing asset instead of the app shell', async () => {
    expect((await get('app://debrief/assets/missing.js')).status).toBe(404);
  });

  it('falls back to index.html for client-side routes', async () => {
    const res = await get('app://debrief/incidents/42');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Debrief</title>');
  });

  it('only answers reads', async () => {
    expect((await get('app://debrief/index.html', 'POST')).status).toBe(405);
  });
});
