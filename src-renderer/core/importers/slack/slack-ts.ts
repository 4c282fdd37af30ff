/**
 * Slack `ts` values are strings "<epoch seconds>.<6-digit micros>" and double as message ids.
 * Parsing them as floats loses the micros (and so uniqueness); everything here works on the
 * digits instead.
 */
const TS_PATTERN = /^(\d{1,12})(?:\.(\d{1,9}))?$/;

export interface SlackTsParts {
  seconds: number;
  /** Fraction digits padded to 9 (nanoseconds) so two ts values compare exactly. */
  fraction: string;
}

export function parseSlackTsParts(ts: string): SlackTsParts | null {
  const match = TS_PATTERN.exec(ts);
  if (!match) return null;
  return { seconds: Number(match[1]), fraction: (match[2] ?? '').padEnd(9, '0') };
}

/** UTC epoch milliseconds, truncating below the millisecond (never rounding up into the next ms). */
export function slackTsToMs(ts: string): number | null {
  const parts = parseSlackTsParts(ts);
  if (!parts) return null;
  return parts.seconds * 1000 + Number(parts.fraction.slice(0, 3));
}

/** Orders ts strings numerically (as Slack does) without converting to floats. */
export function compareSlackTs(a: string, b: string): number {
  const pa = parseSlackTsParts(a);
  const pb = parseSlackTsParts(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  if (pa.seconds !== pb.seconds) return pa.seconds - pb.seconds;
  return pa.fraction < pb.fraction ? -1 : pa.fraction > pb.fraction ? 1 : 0;
}
