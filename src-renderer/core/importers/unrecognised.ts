import type { ImportInput } from './byte-source';
import { ImportError } from './import-error';
import { inputName } from './importer';
import { parseJsonText } from './json-input';
import { DEFAULT_LIMITS, limitExceeded } from './limits';
import { decodeUtf8 } from './text-decode';
import { looksLikeZip, openZip } from './zip-reader';

/**
 * Why no importer recognised an input, as exactly as can be said without the user picking a
 * format: an empty file, a ZIP cut short or not a ZIP at all, a ZIP without an export inside,
 * too many files, JSON that is broken or nested too deep. Null when there is nothing more
 * specific than "not a format Debrief can import".
 */
export async function explainUnrecognised(input: ImportInput): Promise<ImportError | null> {
  const file = inputName(input);
  if (input.kind === 'folder') {
    if (input.folder.entries.length === 0) return new ImportError('EMPTY', 'the folder is empty', { file });
    if (input.folder.entries.length > DEFAULT_LIMITS.maxEntries) return limitExceeded('maxEntries', DEFAULT_LIMITS.maxEntries, { file });
    return null;
  }
  const source = input.source;
  if (source.size === 0) return new ImportError('EMPTY', 'the file is empty', { file });
  const head = await source.read(0, Math.min(source.size, 64 * 1024));
  if (looksLikeZip(head) || /\.zip$/i.test(source.name)) {
    try {
      const folder = await openZip(source, {});
      if (folder.entries.length === 0) return new ImportError('EMPTY', 'the ZIP archive is empty', { file });
      return new ImportError(
        'UNKNOWN_FORMAT',
        'this ZIP archive holds no export Debrief knows: no Slack users.json, channels.json or conversation folders of day files',
        { file },
      );
    } catch (error) {
      if (error instanceof ImportError) return error;
      throw error;
    }
  }
  const text = decodeUtf8(head).text.trimStart().replace(/^\ufeff/, '');
  if ((text.startsWith('{') || text.startsWith('[')) && source.size <= DEFAULT_LIMITS.maxEntryBytes) {
    try {
      parseJsonText(decodeUtf8(await source.read(0, source.size)).text, { file });
    } catch (error) {
      if (error instanceof ImportError) return error;
      throw error;
    }
    return new ImportError('UNKNOWN_FORMAT', 'valid JSON, but not laid out like any export Debrief can import', { file });
  }
  return null;
}
