import { TZDate } from '@date-fns/tz';
import { ImportError, type ImportErrorLocation } from './import-error';
import { isValidTimeZone } from '../time/zones';

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
  /**
   * How a numeric date such as 05/06/2024 is read. Unset: only when the value settles it itself
   * (13/06/2024 is day first, 06/13/2024 month first, 05/05/2024 either way); otherwise no date.
   */
  dateOrder?: DateOrder;
}

/** Day first (13/06/2024, most of the world) or month first (06/13/2024, the US). */
export type DateOrder = 'day-first' | 'month-first';
export const DATE_ORDERS: readonly DateOrder[] = ['day-first', 'month-first'];

const ISO_PATTERN =
  /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?|\s(UTC|GMT))?$/;
const EPOCH_PATTERN = /^-?\d+(?:\.\d+)?$/;
/** 13/06/2024 16:00, 6.13.2024 4:00 PM, 13-06-2024T16:00:00Z: day and month in either order, then a four-digit year. */
const NUMERIC_DATE_PATTERN =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?|\s(UTC|GMT))?$/;

/** The two leading numbers of a numeric date (13 and 6 in 13/06/2024), or null for any other value. */
export function numericDateParts(value: string): { first: number; second: number } | null {
  const match = NUMERIC_DATE_PATTERN.exec(value.trim());
  return match ? { first: Number(match[1]), second: Number(match[3]) } : null;
}

/** The order a numeric date's own numbers imply (a number above 12 cannot be a month); null when either reading works. */
export function impliedDateOrder(parts: { first: number; second: number }): DateOrder | null {
  if (parts.first > 12 && parts.second <= 12) return 'day-first';
  if (parts.second > 12 && parts.first <= 12) return 'month-first';
  return null;
}

/** True for a date-time written without Z or offset, which is read in the chosen zone. */
export function isNaiveTimestamp(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  const match = ISO_PATTERN.exec(text);
  if (match) return !match[8] && !match[9] && !match[12];
  const numeric = NUMERIC_DATE_PATTERN.exec(text);
  return numeric !== null && !numeric[10] && !numeric[11] && !numeric[14];
}

/** Parses a timestamp or returns null; used where a miss is not an error (sniffing, optional fields). */
export function tryParseTimestamp(value: unknown, options: TimestampOptions = {}): ParsedTime | null {
  if (typeof value === 'number') return fromEpoch(value, String(value), options);
  if (typeof value !== 'string') return null;
  const original = value;
  const text = value.trim();
  if (EPOCH_PATTERN.test(text)) return fromEpoch(Number(text), original, options);
  const match = ISO_PATTERN.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, frac, zulu, sign, offH, offM, utcWord] = match;
    return fromParts({ year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0), frac, zulu, sign, offH, offM, utcWord }, original, options);
  }
  const numeric = NUMERIC_DATE_PATTERN.exec(text);
  if (!numeric) return null;
  const [, a, , b, y, h, mi, s, frac, meridiem, zulu, sign, offH, offM, utcWord] = numeric;
  const first = Number(a);
  const second = Number(b);
  const order = options.dateOrder ?? impliedDateOrder({ first, second }) ?? (first === second ? 'day-first' : null);
  if (order === null) return null;
  let hour = Number(h ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const [day, month] = order === 'day-first' ? [first, second] : [second, first];
  return fromParts({ year: Number(y), month, day, hour, minute: Number(mi ?? 0), second: Number(s ?? 0), frac, zulu, sign, offH, offM, utcWord }, original, options);
}

interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  frac?: string;
  zulu?: string;
  sign?: string;
  offH?: string;
  offM?: string;
  utcWord?: string;
}

/** Validates the calendar fields and applies Z, an offset, or the zone for naive times. */
function fromParts(parts: DateTimeParts, original: string, options: TimestampOptions): ParsedTime | null {
  const { year, month, day, hour, minute, second, frac, zulu, sign, offH, offM, utcWord } = parts;
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
  if (zone === 'UTC') {
    const at = utcMillis(year, month, day, hour, minute, second, ms);
    return Number.isFinite(at) ? { at, original } : null;
  }
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
