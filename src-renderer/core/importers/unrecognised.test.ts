import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput } from './__fixtures__/read-fixture';
import { zipDeclaringEntries } from './__fixtures__/hostile-archives';
import { detectFormat } from './registry';

async function refusal(name: string, bytes: Uint8Array | string): Promise<string> {
  const error = await expectImportError(detectFormat(fileInput(name, bytes)));
  return `${error.code}: ${error.describe()}`;
}

describe('why a file is not recognised', () => {
  const zip = zipSync({ 'users.json': new TextEncoder().encode('[]'), 'general/2024-06-12.json': new TextEncoder().encode('[]') });

  it('names the real reason instead of "not a format Debrief can import"', async () => {
    expect(await refusal('empty.zip', '')).toBe('EMPTY: empty.zip: the file is empty');
    expect(await refusal('cut.zip', zip.subarray(0, zip.length - 30))).toMatch(/^TRUNCATED_ARCHIVE: cut\.zip: the archive is cut short/);
    expect(await refusal('photo.zip', 'GIF89a this is not an archive at all, just a renamed picture')).toBe('NOT_A_ZIP: photo.zip: not a ZIP archive');
    expect(await refusal('other.zip', zipSync({ 'readme.txt': new TextEncoder().encode('hello') }))).toBe(
      'UNKNOWN_FORMAT: other.zip: this ZIP archive holds no export Debrief knows: no Slack users.json, channels.json or conversation folders of day files',
    );
    expect(await refusal('huge.zip', zipDeclaringEntries(200_001))).toBe('LIMIT_EXCEEDED: huge.zip: exceeds the limit of 200,000 files');
    expect(await refusal('deep.json', `${'['.repeat(100)}${']'.repeat(100)}`)).toBe('LIMIT_EXCEEDED: deep.json, line 1: JSON nested deeper than the limit of 64 levels');
    expect(await refusal('broken.json', '{"records": [\n{"id": 1,}\n]}')).toMatch(/^INVALID_JSON: broken\.json, line 2: not valid JSON/);
  });

  it('never shows control characters or validator jargon', async () => {
    const message = await refusal('x.json', '{"a":"\\u0007"}\u0007');
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message).not.toContain('(root)');
    expect(message).not.toContain('Invalid input');
  });
});
