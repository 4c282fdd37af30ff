import { describe, expect, it } from 'vitest';
import { DesktopError } from './ipc-errors';
import {
  isTrustedSender,
  notificationRequestSchema,
  openFilesRequestSchema,
  beginSaveRequestSchema,
  parseArgument,
  printToPdfRequestSchema,
  readFileRequestSchema,
  saveIdRequestSchema,
  writeSaveRequestSchema,
} from './ipc-validation';
import { IPC_CHUNK_BYTES } from './preload/ipc-channels';
import { trustedOrigins } from './url-policy';

const HANDLE = '3b241101-e2bb-4255-8caf-4136c566a962';
const packaged = trustedOrigins(undefined, true);
const dev = trustedOrigins('http://localhost:5173', false);

describe('isTrustedSender', () => {
  it('accepts the top-level app frame', () => {
    expect(isTrustedSender({ url: 'app://debrief/index.html', parent: null }, packaged)).toBe(true);
  });

  it('rejects a destroyed frame', () => {
    expect(isTrustedSender(null, packaged)).toBe(false);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
  });

  it('rejects an iframe even when it is same-origin', () => {
    expect(isTrustedSender({ url: 'app://debrief/index.html', parent: {} }, packaged)).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///tmp/index.html', 'app://other/index.html', 'about:blank', 'http://localhost:5173/'])(
    'rejects a frame at %s in a packaged build',
    (url) => {
      expect(isTrustedSender({ url, parent: null }, packaged)).toBe(false);
    },
  );

  it('accepts the dev server only while developing', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/#/incidents', parent: null }, dev)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, dev)).toBe(false);
  });
});

describe('request schemas', () => {
  it('accepts the requests the renderer sends', () => {
    expect(openFilesRequestSchema.parse({ multiple: true, directories: false, filters: [{ name: 'Supported files', extensions: ['json', 'csv'] }] })).toEqual({
      multiple: true,
      directories: false,
      filters: [{ name: 'Supported files', extensions: ['json', 'csv'] }],
    });
    expect(beginSaveRequestSchema.parse({ suggestedName: 'SEV1 review.md' }).suggestedName).toBe('SEV1 review.md');
    const bytes = new Uint8Array([1, 2, 3]);
    expect(writeSaveRequestSchema.parse({ saveId: HANDLE, chunk: bytes }).chunk).toBe(bytes);
    expect(readFileRequestSchema.parse({ handle: HANDLE, offset: 5_000_000_000, length: IPC_CHUNK_BYTES })).toEqual({ handle: HANDLE, offset: 5_000_000_000, length: IPC_CHUNK_BYTES });
    expect(notificationRequestSchema.parse({ title: 'Action item due', body: 'Rotate keys' }).title).toBe('Action item due');
  });

  it.each(['../../.bashrc', '/etc/passwd', 'C:\\Windows\\evil.dll', 'sub/dir.md', '..', '   ', 'bell\u0007.md'])(
    'refuses the suggested file name %j',
    (suggestedName) => {
      expect(beginSaveRequestSchema.safeParse({ suggestedName }).success).toBe(false);
      expect(printToPdfRequestSchema.safeParse({ suggestedName }).success).toBe(false);
    },
  );

  it('refuses unknown keys, so the renderer cannot smuggle options such as a default path', () => {
    expect(beginSaveRequestSchema.safeParse({ suggestedName: 'a.md', defaultPath: '/etc' }).success).toBe(false);
    expect(readFileRequestSchema.safeParse({ handle: HANDLE, offset: 0, length: 1, path: '/etc/passwd' }).success).toBe(false);
    expect(openFilesRequestSchema.safeParse({ properties: ['openDirectory'] }).success).toBe(false);
  });

  it('refuses chunks that are not bytes or too large', () => {
    expect(writeSaveRequestSchema.safeParse({ saveId: HANDLE, chunk: { length: 3 } }).success).toBe(false);
    expect(writeSaveRequestSchema.safeParse({ saveId: HANDLE, chunk: [1, 2] }).success).toBe(false);
    expect(writeSaveRequestSchema.safeParse({ saveId: HANDLE, chunk: 'text' }).success).toBe(false);
    expect(writeSaveRequestSchema.safeParse({ saveId: HANDLE, chunk: new Uint8Array(IPC_CHUNK_BYTES + 1) }).success).toBe(false);
  });

  it.each([
    ['a path for a handle', { handle: '/etc/passwd', offset: 0, length: 1 }],
    ['a negative offset', { handle: HANDLE, offset: -1, length: 1 }],
    ['a fractional offset', { handle: HANDLE, offset: 1.5, length: 1 }],
    ['an unsafe offset', { handle: HANDLE, offset: 2 ** 60, length: 1 }],
    ['a read over one chunk', { handle: HANDLE, offset: 0, length: IPC_CHUNK_BYTES + 1 }],
    ['a missing length', { handle: HANDLE, offset: 0 }],
  ])('refuses a read with %s', (_name, request) => {
    expect(readFileRequestSchema.safeParse(request).success).toBe(false);
  });

  it('takes only issued ids for saves', () => {
    expect(saveIdRequestSchema.safeParse({ saveId: HANDLE }).success).toBe(true);
    expect(saveIdRequestSchema.safeParse({ saveId: '../backup.json' }).success).toBe(false);
  });
});

describe('parseArgument', () => {
  it('throws a coded error naming the problem', () => {
    let caught: unknown;
    try {
      parseArgument(notificationRequestSchema, { title: '', body: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DesktopError);
    expect((caught as DesktopError).code).toBe('IPC_INVALID_ARGUMENT');
    expect((caught as DesktopError).message).toMatch(/title/);
  });
});
