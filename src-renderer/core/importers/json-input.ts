import type { z } from 'zod';
import { ImportError, type ImportErrorLocation } from './import-error';
import { limitExceeded, resolveLimits, type ImportLimits } from './limits';

/** 1-based line of a UTF-16 offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/**
 * Rejects JSON nested deeper than `maxDepth` before JSON.parse sees it, so a hostile file
 * cannot make the parser (or later recursive code) exhaust the stack.
 */
export function checkJsonDepth(text: string, maxDepth: number, where: ImportErrorLocation): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > maxDepth) throw limitExceeded('maxJsonDepth', maxDepth, { ...where, line: lineAt(text, i) });
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/**
 * Parses JSON text (a leading BOM is ignored) after the depth check. Syntax errors become
 * INVALID_JSON naming the line, found by our own scan because engines word positions differently.
 */
export function parseJsonText(text: string, where: ImportErrorLocation, limits?: Partial<ImportLimits>): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  checkJsonDepth(body, resolveLimits(limits).maxJsonDepth, where);
  return parseDepthCheckedJson(body, where);
}

/** parseJsonText for text whose nesting a reader already bounded while cutting it out (json-stream.ts). */
export function parseDepthCheckedJson(body: string, where: ImportErrorLocation): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const at = locateJsonError(body);
    const line = at === null ? (where.line ?? undefined) : lineAt(body, at) + (where.line ?? 1) - 1;
    const location: ImportErrorLocation = { ...where };
    if (line !== undefined) location.line = line;
    const detail = body.trim() === '' ? 'the file is empty' : error instanceof Error ? error.message : 'syntax error';
    throw new ImportError('INVALID_JSON', `not valid JSON: ${detail}`, location, { cause: error });
  }
}

export interface JsonLine {
  value: unknown;
  /** 1-based physical line in the text. */
  line: number;
}

/** Parses newline-delimited JSON; blank lines are skipped; errors name the physical line. */
export function parseJsonLines(text: string, where: ImportErrorLocation, limits?: Partial<ImportLimits>): JsonLine[] {
  const out: JsonLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i === 0 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (line.trim() === '') continue;
    out.push({ value: parseJsonText(line, { ...where, line: i + 1 }, limits), line: i + 1 });
  }
  return out;
}

/** Renders a zod issue path the way users read JSON: `log_entries[3].created_at`. */
export function formatIssuePath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out === '' ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

/**
 * Validates untrusted data against a zod schema; the first issue becomes WRONG_SHAPE naming
 * the field path (prefixed with `basePath` when the value sits inside a bigger document).
 */
export function validateShape<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: ImportErrorLocation,
  basePath = '',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = formatIssuePath(issue?.path ?? [], basePath) || basePath;
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : '';
  const subject = field ? '' : 'the document ';
  const location: ImportErrorLocation = field ? { ...where, field } : { ...where };
  throw new ImportError('WRONG_SHAPE', `${subject}${plainIssue(issue)}${more}`, location, { cause: result.error });
}

/** A zod issue in plain words (no "Invalid input", no type-system names). */
function plainIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'has an unexpected shape';
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is missing';
    return `should be ${KIND_WORD[issue.expected] ?? 'something else'}, not ${kindOf(issue.input)}`;
  }
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'is empty' : 'has too few items';
  if (issue.code === 'invalid_union') return `has a value of the wrong kind (${kindOf(issue.input)})`;
  return 'has an unexpected value';
}

const KIND_WORD: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'object') return 'an object';
  return 'nothing';
}

/** Offset of the first syntax error in `text`, or null when the text is valid JSON. */
export function locateJsonError(text: string): number | null {
  let i = 0;
  const stop = (): never => {
    throw new JsonStop(i);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) stop();
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        const next = text.charAt(i + 1);
        if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else stop();
      } else if (c < 0x20) stop();
      else i++;
    }
  };
  const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      ws();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') stop();
        string();
        ws();
        if (text.charAt(i) !== ':') stop();
        i++;
        value();
        ws();
        const sep = text.charAt(i);
        i++;
        if (sep === '}') return;
        if (sep !== ',') {
          i--;
          stop();
        }
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        const sep = text.charAt(i);
        i++;
        if (sep === ']') return;
        if (sep !== ',') {
          i--;
          stop();
        }
      }
    }
    if (c === '"') return string();
    numberPattern.lastIndex = i;
    if (numberPattern.test(text)) {
      i = numberPattern.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    stop();
  };
  try {
    value();
    ws();
    if (i < text.length) stop();
    return null;
  } catch (error) {
    if (error instanceof JsonStop) return Math.min(error.at, text.length);
    // Stack exhaustion on absurd nesting: the caller still reports INVALID_JSON, without a line.
    return null;
  }
}

class JsonStop {
  constructor(readonly at: number) {}
}

/** A JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
