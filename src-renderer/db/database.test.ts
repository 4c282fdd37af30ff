import { describe, expect, it } from 'vitest';
import { classifyOpenError } from './open-error';

describe('open errors', () => {
  it('maps Dexie errors to what a user can act on', () => {
    expect(classifyOpenError({ name: 'VersionError', message: 'x' }).code).toBe('newer-version');
    expect(classifyOpenError({ name: 'OpenFailedError', inner: { name: 'QuotaExceededError' } }).code).toBe('quota');
    expect(classifyOpenError({ name: 'MissingAPIError' }).code).toBe('unavailable');
    expect(classifyOpenError(new Error('boom')).code).toBe('corrupt');
  });
});
