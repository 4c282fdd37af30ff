import { describe, expect, it } from 'vitest';
import { CodedError, isCodedError } from './coded-error';

class ThingError extends CodedError<'GONE' | 'BAD'> {}

describe('CodedError', () => {
  it('carries a code, the subclass name, the cause and where it happened', () => {
    const cause = new Error('disk');
    const error = new ThingError('GONE', 'The thing is gone.', { cause, location: { file: 'a.csv', line: 3 } });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ThingError');
    expect(error.code).toBe('GONE');
    expect(error.cause).toBe(cause);
    expect(error.location).toEqual({ file: 'a.csv', line: 3 });
    expect(isCodedError(error, 'GONE')).toBe(true);
    expect(isCodedError(error, 'BAD')).toBe(false);
    expect(isCodedError(new Error('plain'))).toBe(false);
  });
});
