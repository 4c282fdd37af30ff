import { CodedError } from '../errors/coded-error';

export type BundleErrorCode =
  /** Not a ZIP, or a ZIP without a Debrief manifest. */
  | 'NOT_A_BUNDLE'
  /** Made by a newer version of Debrief. */
  | 'NEWER_FORMAT'
  /** The file ends before the archive does. */
  | 'TRUNCATED'
  /** An entry does not match the checksum or size the manifest lists, or cannot be read. */
  | 'TAMPERED'
  /** The manifest lists an entry the archive lacks, or the archive holds one the manifest does not list. */
  | 'ENTRY_MISMATCH'
  /** The records are not the shape a bundle's records have (or name another incident). */
  | 'INVALID_RECORDS'
  /** The incident to export or to merge into is not in the library. */
  | 'NO_INCIDENT'
  /** The archive is larger than the reader's caps. */
  | 'TOO_LARGE';

/** A bundle that cannot be made or read; the message names the file and the entry at fault. */
export class BundleError extends CodedError<BundleErrorCode> {}
