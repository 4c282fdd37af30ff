import { format } from 'node:util';

/**
 * Structured logs: one JSON object per line on stdout, `{"time","level","msg",…fields}`, so a
 * log shipper (journald, Docker, Loki…) can index them without parsing prose.
 */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line), base: LogFields = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const emit = (lineLevel: LogLevel, msg: string, fields?: LogFields): void => {
    if (LOG_LEVELS.indexOf(lineLevel) < threshold) return;
    const entry = { time: new Date().toISOString(), level: lineLevel, msg, ...base, ...serialise(fields) };
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(level, write, { ...base, ...fields }),
  };
}

/**
 * Hocuspocus and ws report some problems with console.error/console.log; route them into the
 * structured log so every line the server prints is JSON.
 */
export function captureConsole(log: Logger): void {
  // eslint-disable-next-line no-console -- replacing console.log, not printing with it
  console.log = (...args: unknown[]) => log.info(format(...args), { from: 'library' });
  console.warn = (...args: unknown[]) => log.warn(format(...args), { from: 'library' });
  console.error = (...args: unknown[]) => log.error(format(...args), { from: 'library' });
}

function serialise(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return fields;
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, ...('code' in value ? { code: value.code } : {}) } : value;
  }
  return out;
}
