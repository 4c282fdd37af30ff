import { z } from 'zod';
import type {
  NotificationRequest,
  OpenFilesRequest,
  PrintToPdfRequest,
  SaveFileRequest,
} from './preload/desktop-api';
import { DesktopError } from './ipc-errors';
import { originOf } from './url-policy';

/** The parts of Electron's WebFrameMain the sender check needs (kept small for tests). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * A message is trusted only when it comes from a live top-level frame of our own origin:
 * a frame that navigated elsewhere, or an embedded iframe, must not reach the file system.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, trusted: ReadonlySet<string>): boolean {
  if (!frame || frame.parent) return false;
  const origin = originOf(frame.url);
  return origin !== null && trusted.has(origin);
}

export function assertTrustedSender(frame: SenderFrame | null | undefined, trusted: ReadonlySet<string>): void {
  if (!isTrustedSender(frame, trusted)) {
    throw new DesktopError('IPC_UNTRUSTED_SENDER', 'Refused a request from a frame that is not Debrief.');
  }
}

const hasControlCharacter = (name: string): boolean => [...name].some((ch) => ch.charCodeAt(0) < 0x20);

// Windows forbids these in file names; refusing them everywhere keeps names portable.
const FILE_NAME = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && !hasControlCharacter(name) && name !== '.' && name !== '..', {
    message: 'must be a plain file name without folders',
  });

const FILE_FILTER = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9_.-]{1,20})$/)).min(1).max(50),
});

export const openFilesRequestSchema = z.strictObject({
  title: z.string().max(200).optional(),
  filters: z.array(FILE_FILTER).max(20).optional(),
  multiple: z.boolean().optional(),
  directories: z.boolean().optional(),
}) satisfies z.ZodType<OpenFilesRequest>;

/** 512 MiB: larger than any realistic export, small enough not to exhaust memory. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

export const saveFileRequestSchema = z.strictObject({
  suggestedName: FILE_NAME,
  filters: z.array(FILE_FILTER).max(20).optional(),
  data: z.union([
    z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, 'is too large to save'),
    z.string().max(MAX_SAVE_BYTES),
  ]),
}) satisfies z.ZodType<SaveFileRequest>;

export const notificationRequestSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(2000),
}) satisfies z.ZodType<NotificationRequest>;

export const printToPdfRequestSchema = z.strictObject({
  suggestedName: FILE_NAME,
}) satisfies z.ZodType<PrintToPdfRequest>;

export const externalUrlSchema = z.string().min(1).max(8192);

export const noArgumentsSchema = z.undefined();

export function parseArgument<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DesktopError('IPC_INVALID_ARGUMENT', `Invalid request: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}
