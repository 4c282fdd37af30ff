import { TZDate } from '@date-fns/tz';
import { ImportError, type ImportErrorLocation } from './import-error';

export interface ParsedTime {
  /** UTC epoch milliseconds. */
  at: number;
  /** The timestamp exactly as the source wrote it. */
  original: string;
}

export interface TimestampOptions {
  /** IANA zone for timestamps without Z or offset; UTC when unset. */
  timeZone?: string;
  /** How bare numbers are read; 'auto' takes values below 1e11 as seconds (1e11 s is year 5138). */
  epoch?: 'auto' | 'seconds' | 'milliseconds';
}

const ISO_PATTERN =
  /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?|\s(UTC|GMT))?$/;
const EPOCH_PATTERN = /^-?\d+(?:\.\d+)?$/;

/** True when `zone` is an IANA zone name (or UTC offset) the runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** True for a date-time written without Z or offset, which is read in the chosen zone. */
export function isNaiveTimestamp(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_PATTERN.exec(value.trim());
  return match !== null && !match[8] && !match[9] && !match[12];
}

/** Parses a timestamp or returns null; used where a miss is not an error (sniffing, optional fields). */
export function tryParseTimestamp(value: unknown, options: TimestampOptions = {}): ParsedTime | null {
  if (typeof value === 'number') return fromEpoch(value, String(value), options);
  if (typeof value !== 'string') return null;
  const original = value;
  const text = value.trim();
  if (EPOCH_PATTERN.test(text)) return fromEpoch(Number(text), original, options);
  const match = ISO_PATTERN.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, zulu, sign, offH, offM, utcWord] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;

  if (zulu || utcWord || sign) {
    let offsetMinutes = 0;
    if (sign) {
      const oh = Number(offH);
      const om = Number(offM ?? 0);
      if (oh > 23 || om > 59) return null;
      offsetMinutes = (sign === '-' ? -1 : 1) * (oh * 60 + om);
    }
    const at = utcMillis(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
    return { at, original };
  }
  const zone = options.timeZone ?? 'UTC';
  if (!isValidTimeZone(zone)) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, second, ms, zone);
  // Like Date, TZDate maps years 0..99 to 1900..1999.
  if (year < 100) date.setFullYear(year, month - 1, day);
  const at = date.getTime();
  return Number.isFinite(at) ? { at, original } : null;
}

/**
 * Parses ISO 8601 (Z or offset), naive date-times in `options.timeZone`, and epoch seconds or
 * milliseconds. Anything else is BAD_DATE naming where it was found.
 */
export function parseTimestamp(value: unknown, where: ImportErrorLocation, options: TimestampOptions = {}): ParsedTime {
  if (options.timeZone !== undefined && !isValidTimeZone(options.timeZone)) {
    throw new ImportError('BAD_DATE', `unknown time zone "${options.timeZone}"`, where);
  }
  const parsed = tryParseTimestamp(value, options);
  if (parsed) return parsed;
  const shown = typeof value === 'string' ? `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"` : value === undefined ? 'a missing value' : typeof value;
  throw new ImportError('BAD_DATE', `cannot read ${shown} as a date and time`, where);
}

function fromEpoch(value: number, original: string, options: TimestampOptions): ParsedTime | null {
  if (!Number.isFinite(value)) return null;
  const unit = options.epoch ?? 'auto';
  const seconds = unit === 'seconds' || (unit === 'auto' && Math.abs(value) < 1e11);
  const at = Math.round(seconds ? value * 1000 : value);
  // Outside what Date can represent the value is not a time at all.
  if (Math.abs(at) > 8.64e15) return null;
  return { at, original };
}

function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
