/**
 * Message sizes the server and the app agree on. Part of the client contract, like doc-names.ts:
 * pure TypeScript. The server closes a connection that sends a message larger than its
 * `--max-message-mb` (close code 1009), and the app reconnects and sends it again: a change that
 * never fits would never sync. So the app cuts large values (imported events) into parts of
 * EVENT_PART_BYTES, one update each, and the server refuses a limit those parts cannot fit.
 */

/** `--max-message-mb` when not given. */
export const DEFAULT_MAX_MESSAGE_MB = 32;

/** Imported events travel in parts of at most this many bytes, each part one update (one message). */
export const EVENT_PART_BYTES = 1024 * 1024;

/** The smallest `--max-message-mb`: one event part plus the update's and message's framing. */
export const MIN_MAX_MESSAGE_MB = 2;

/**
 * How many parts the app sends before it waits for the server to acknowledge them. A connection
 * that drops resends what was not acknowledged in one message (the answer to the server's sync
 * step 1), so this bounds that message too: at most this many parts, well under the limit.
 */
export const EVENT_PARTS_IN_FLIGHT = 8;
