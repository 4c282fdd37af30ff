import { describe, expect, it } from 'vitest';
import { gate, parseAllowlist } from './electronegativity-gate.mjs';

const MEDIUM = { value: 2, name: 'MEDIUM' };
const issue = (id, file, sample, severity = MEDIUM) => ({ id, file, sample, severity, location: { line: 1, column: 0 }, description: id });
const entry = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'ipc-handlers.ts', sample: 'shell.openExternal(url.href)', reason: 'url comes from the one link rule, tested' };

describe('the Electronegativity gate', () => {
  it('passes a finding explained by an entry for the same check, file and line', () => {
    expect(gate([issue('OPEN_EXTERNAL_JS_CHECK', 'ipc-handlers.ts', 'await shell.openExternal(url.href);')], [entry])).toEqual({ unexplained: [], stale: [] });
  });

  it('fails the same check in another file or on another line, and a HIGH finding', () => {
    const found = [
      issue('OPEN_EXTERNAL_JS_CHECK', 'menu.ts', 'shell.openExternal(url.href)'),
      issue('OPEN_EXTERNAL_JS_CHECK', 'ipc-handlers.ts', 'shell.openExternal(raw)'),
      issue('NODE_INTEGRATION_JS_CHECK', 'index.ts', 'nodeIntegration: true', { value: 3, name: 'HIGH' }),
    ];
    expect(gate(found, [entry]).unexplained.map((i) => i.sample)).toEqual(['shell.openExternal(url.href)', 'shell.openExternal(raw)', 'nodeIntegration: true']);
  });

  it('ignores LOW and INFORMATIONAL findings but reports allowlist entries that match nothing', () => {
    const result = gate([issue('PRELOAD_JS_CHECK', 'index.ts', 'preload', { value: 1, name: 'LOW' })], [entry]);
    expect(result.unexplained).toEqual([]);
    expect(result.stale).toEqual([entry]);
  });

  it('refuses an allowlist entry without a reason', () => {
    expect(() => parseAllowlist({ entries: [{ ...entry, reason: 'ok' }] })).toThrow(/needs a reason/);
    expect(() => parseAllowlist({})).toThrow(/entries/);
  });
});
