import { z } from 'zod';
import type {
  BeginSaveRequest,
  NotificationRequest,
  OpenFilesRequest,
  PrintToPdfRequest,
  ReadFileRequest,
  SaveIdRequest,
  WriteSaveRequest,
} from './preload/desktop-api';
import { IPC_CHUNK_BYTES } from './preload/ipc-channels';
import { DesktopError } from './ipc-errors';
import { SYNC_ORIGIN_PATTERN } from './csp';
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

/** Handles and save ids are random UUIDs the main process issued. */
const ISSUED_ID = z.uuid();
const BYTE_OFFSET = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const readFileRequestSchema = z.strictObject({
  handle: ISSUED_ID,
  offset: BYTE_OFFSET,
  length: z.number().int().nonnegative().max(IPC_CHUNK_BYTES),
}) satisfies z.ZodType<ReadFileRequest>;

export const beginSaveRequestSchema = z.strictObject({
  suggestedName: FILE_NAME,
  filters: z.array(FILE_FILTER).max(20).optional(),
}) satisfies z.ZodType<BeginSaveRequest>;

export const writeSaveRequestSchema = z.strictObject({
  saveId: ISSUED_ID,
  chunk: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= IPC_CHUNK_BYTES, 'is larger than one chunk'),
}) satisfies z.ZodType<WriteSaveRequest>;

export const saveIdRequestSchema = z.strictObject({ saveId: ISSUED_ID }) satisfies z.ZodType<SaveIdRequest>;

export const notificationRequestSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(2000),
}) satisfies z.ZodType<NotificationRequest>;

export const printToPdfRequestSchema = z.strictObject({
  suggestedName: FILE_NAME,
}) satisfies z.ZodType<PrintToPdfRequest>;

export const externalUrlSchema = z.string().min(1).max(8192);

export const noArgumentsSchema = z.undefined();

/** A team sync server's origin for the CSP, or null: nothing that could add another directive. */
export const syncOriginSchema = z.string().max(300).regex(SYNC_ORIGIN_PATTERN).nullable();

/**
 * A team sync access token to keep, or null to forget it. Its exact shape is the renderer's to
 * check; here only that it is a short run of printable characters (nothing to smuggle into a file).
 */
export const syncTokenSchema = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces').nullable();

export function parseArgument<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DesktopError('IPC_INVALID_ARGUMENT', `Invalid request: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}
