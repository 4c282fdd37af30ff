import { ImportError } from '../import-error';
import { validateShape } from '../json-input';
import { dayFileMayOverlap, type TimeWindow } from './day-files';
import type { DayFile } from './export-layout';
import type { SlackConversation } from './conversations';
import { readJsonEntry, type EntryContext } from './read-entry';
import { slackMessageSchema } from './slack-schemas';
import type { LocatedMessage } from './threads';

export interface DayFileHooks {
  /** Called after each day file with its declared size. */
  onFileDone?: (bytes: number) => void;
  /** Checked before each day file is read and again once its bytes are in, before it is parsed. */
  isCancelled?: () => boolean;
}

/** The day files of a conversation that may hold messages inside the window (±1 day, see day-files.ts). */
export function dayFilesFor(conversation: SlackConversation, window: TimeWindow | undefined): DayFile[] {
  return conversation.dayFiles.filter((day) => dayFileMayOverlap(day.date, window));
}

/** Reads and checks the given day files; files are decompressed one at a time, in date order. */
export async function readDayFiles(days: readonly DayFile[], context: EntryContext, hooks: DayFileHooks = {}): Promise<LocatedMessage[]> {
  const messages: LocatedMessage[] = [];
  for (const day of days) {
    if (hooks.isCancelled?.()) throw new ImportError('CANCELLED', 'the import was cancelled', { file: context.file });
    const where = { file: context.file, entry: day.entry.path };
    const value = await readJsonEntry(day.entry, context, hooks.isCancelled);
    if (!Array.isArray(value)) {
      throw new ImportError('WRONG_SHAPE', 'a day file must be a JSON array of messages', { ...where, line: 1, field: '(root)' });
    }
    value.forEach((element: unknown, index) => {
      const message = validateShape(slackMessageSchema, element, where, `[${index}]`);
      messages.push({ message, entry: day.entry.path, index });
    });
    hooks.onFileDone?.(day.entry.size);
  }
  return messages;
}
