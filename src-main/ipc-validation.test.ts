import { describe, expect, it } from 'vitest';
import { DesktopError } from './ipc-errors';
import {
  isTrustedSender,
  notificationRequestSchema,
  openFilesRequestSchema,
  parseArgument,
  printToPdfRequestSchema,
  saveFileRequestSchema,
} from './ipc-validation';
import { trustedOrigins } from './url-policy';

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
    expect(saveFileRequestSchema.parse({ suggestedName: 'SEV1 review.md', data: '# Review' }).data).toBe('# Review');
    const bytes = new Uint8Array([1, 2, 3]);
    expect(saveFileRequestSchema.parse({ suggestedName: 'backup.zip', data: bytes }).data).toBe(bytes);
    expect(notificationRequestSchema.parse({ title: 'Action item due', body: 'Rotate keys' }).title).toBe('Action item due');
  });

  it.each(['../../.bashrc', '/etc/passwd', 'C:\\Windows\\evil.dll', 'sub/dir.md', '..', '   ', 'bell\u0007.md'])(
    'refuses the suggested file name %j',
    (suggestedName) => {
      expect(saveFileRequestSchema.safeParse({ suggestedName, data: 'x' }).success).toBe(false);
      expect(printToPdfRequestSchema.safeParse({ suggestedName }).success).toBe(false);
    },
  );

  it('refuses unknown keys, so the renderer cannot smuggle options such as a default path', () => {
    expect(saveFileRequestSchema.safeParse({ suggestedName: 'a.md', data: 'x', defaultPath: '/etc' }).success).toBe(false);
    expect(openFilesRequestSchema.safeParse({ properties: ['openDirectory'] }).success).toBe(false);
  });

  it('refuses data that is neither text nor bytes', () => {
    expect(saveFileRequestSchema.safeParse({ suggestedName: 'a.md', data: { length: 3 } }).success).toBe(false);
    expect(saveFileRequestSchema.safeParse({ suggestedName: 'a.md', data: [1, 2] }).success).toBe(false);
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
