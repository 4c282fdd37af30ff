import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { blockKey, resolvePlaceholder, type BlockPlaceholder, type ValuePlaceholder } from './placeholders';
import { TemplateError } from './template-error';

export const templateFrontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lower-case letters, digits and dashes'),
  name: z.string().trim().min(1),
  description: z.string().trim().min(1),
});
export type TemplateFrontMatter = z.infer<typeof templateFrontMatterSchema>;

export type TemplatePart =
  /** Static Markdown, copied as written; `line` is where it starts. */
  | { kind: 'text'; text: string; line: number }
  | { kind: 'value'; name: ValuePlaceholder; line: number }
  /** `key` is unique within the template: a repeated block gets "#2", "#3"… */
  | { kind: 'block'; block: BlockPlaceholder; key: string; line: number };

export interface PostmortemTemplate extends TemplateFrontMatter {
  parts: TemplatePart[];
}

const PLACEHOLDER = /\\\{\{|\{\{([^{}\n]*)\}\}|\{\{/g;

/**
 * Parses a template file: YAML front matter (id, name, description) then a Markdown body with
 * {{placeholders}}. Every problem is a TemplateError naming the line, because users write their
 * own templates and need to find the mistake.
 */
export function parseTemplate(source: string, fileName = 'template.md'): PostmortemTemplate {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    throw new TemplateError('MISSING_FRONT_MATTER', 'A template must start with a "---" line opening its front matter.', 1, fileName);
  }
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) {
    throw new TemplateError('MISSING_FRONT_MATTER', 'The front matter is never closed with a "---" line.', 1, fileName);
  }
  const frontMatter = parseFrontMatter(lines.slice(1, close).join('\n'), fileName);
  return { ...frontMatter, parts: parseBody(lines.slice(close + 1), close + 2, fileName) };
}

function parseFrontMatter(yamlText: string, fileName: string): TemplateFrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // File line = YAML line + 1, for the opening "---".
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + 1;
  const [yamlError] = doc.errors;
  if (yamlError) {
    throw new TemplateError('INVALID_YAML', `Front matter is not valid YAML: ${yamlError.message.split('\n')[0]}`, lineAt(yamlError.pos[0]), fileName, {
      cause: yamlError,
    });
  }
  const parsed = templateFrontMatterSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const node = field ? doc.get(field, true) : undefined;
    const range = node && typeof node === 'object' && 'range' in node ? (node.range as [number, number, number] | undefined) : undefined;
    const line = range ? lineAt(range[0]) : 1;
    const what = field ? `"${field}": ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'invalid');
    throw new TemplateError('INVALID_FRONT_MATTER', `Front matter field ${what} (needs id, name and description).`, line, fileName, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function parseBody(lines: string[], firstLine: number, fileName: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const keyCounts = new Map<string, number>();
  let text = '';
  let textLine = firstLine;

  const addText = (chunk: string, line: number) => {
    if (text === '') textLine = line;
    text += chunk;
  };
  const flush = () => {
    if (text !== '') parts.push({ kind: 'text', text, line: textLine });
    text = '';
  };

  lines.forEach((content, index) => {
    const line = firstLine + index;
    const newline = index < lines.length - 1 ? '\n' : '';
    let last = 0;
    for (const m of content.matchAll(PLACEHOLDER)) {
      addText(content.slice(last, m.index), line);
      last = m.index + m[0].length;
      if (m[0] === '\\{{') {
        addText('{{', line);
        continue;
      }
      if (m[1] === undefined) {
        throw new TemplateError('UNCLOSED_PLACEHOLDER', 'A "{{" is not closed by "}}" on the same line (write "\\{{" for literal braces).', line, fileName);
      }
      const name = m[1].trim();
      const resolved = resolvePlaceholder(name);
      if (!resolved) {
        throw new TemplateError('UNKNOWN_PLACEHOLDER', `Unknown placeholder "{{${name}}}".`, line, fileName);
      }
      if (resolved.kind === 'value') {
        flush();
        parts.push({ kind: 'value', name: resolved.name, line });
        continue;
      }
      if (content.trim() !== m[0]) {
        throw new TemplateError('BLOCK_NOT_ALONE', `"{{${name}}}" expands into a whole section and must be alone on its line.`, line, fileName);
      }
      flush();
      const base = blockKey(resolved.block);
      const count = (keyCounts.get(base) ?? 0) + 1;
      keyCounts.set(base, count);
      parts.push({ kind: 'block', block: resolved.block, key: count === 1 ? base : `${base}#${count}`, line });
      // The block owns its whole line, newline included.
      return;
    }
    addText(content.slice(last) + newline, line);
  });
  flush();
  return parts;
}
