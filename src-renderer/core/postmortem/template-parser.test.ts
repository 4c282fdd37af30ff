import { describe, expect, it } from 'vitest';
import { ALL_PLACEHOLDERS } from './placeholders';
import { SHIPPED_TEMPLATE_SOURCES, shippedTemplates } from './shipped-templates';
import { TemplateError } from './template-error';
import { parseTemplate } from './template-parser';

const FRONT = '---\nid: custom\nname: Custom\ndescription: A team template\n---\n';

function errorOf(source: string): TemplateError {
  try {
    parseTemplate(source, 'custom.md');
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('parseTemplate', () => {
  it('reads front matter and splits the body into text, values and blocks with line numbers', () => {
    const template = parseTemplate(`${FRONT}# {{incident.title}} ({{ incident.severity }})\n\n## Actions\n{{table:actionItems}}\nThanks.\n`);
    expect(template).toMatchObject({ id: 'custom', name: 'Custom', description: 'A team template' });
    expect(template.parts).toEqual([
      { kind: 'text', text: '# ', line: 6 },
      { kind: 'value', name: 'incident.title', line: 6 },
      { kind: 'text', text: ' (', line: 6 },
      { kind: 'value', name: 'incident.severity', line: 6 },
      { kind: 'text', text: ')\n\n## Actions\n', line: 6 },
      { kind: 'block', block: { name: 'table:actionItems' }, key: 'table:actionItems', line: 9 },
      { kind: 'text', text: 'Thanks.\n', line: 10 },
    ]);
  });

  it('accepts annotation blocks for every tag and gives repeated blocks distinct keys', () => {
    const template = parseTemplate(`${FRONT}{{annotations:went well}}\n{{ annotations: where we got lucky }}\n{{people}}\n{{people}}\n`);
    expect(template.parts.flatMap((p) => (p.kind === 'block' ? [p.key] : []))).toEqual([
      'annotations:went well',
      'annotations:where we got lucky',
      'people',
      'people#2',
    ]);
  });

  it('turns \\{{ into literal braces and handles CRLF files', () => {
    const template = parseTemplate(FRONT.replace(/\n/g, '\r\n') + 'Use \\{{name}} for literals\r\n');
    expect(template.parts).toEqual([{ kind: 'text', text: 'Use {{name}} for literals\n', line: 6 }]);
  });

  it('reports an unknown placeholder with its line', () => {
    const error = errorOf(`${FRONT}# Title\n\nOwner: {{incident.owner}}\n`);
    expect(error).toMatchObject({ code: 'UNKNOWN_PLACEHOLDER', line: 8 });
    expect(error.describe()).toBe('custom.md, line 8: Unknown placeholder "{{incident.owner}}".');
  });

  it('rejects an annotation block for a tag that does not exist', () => {
    expect(errorOf(`${FRONT}{{annotations:root cause}}\n`)).toMatchObject({ code: 'UNKNOWN_PLACEHOLDER', line: 6 });
  });

  it('reports an unclosed placeholder with its line', () => {
    expect(errorOf(`${FRONT}ok\n{{incident.title\n}}`)).toMatchObject({ code: 'UNCLOSED_PLACEHOLDER', line: 7 });
  });

  it('requires block placeholders to stand alone on their line', () => {
    expect(errorOf(`${FRONT}\nSee {{table:metrics}}\n`)).toMatchObject({ code: 'BLOCK_NOT_ALONE', line: 7 });
  });

  it('requires front matter', () => {
    expect(errorOf('# No front matter\n')).toMatchObject({ code: 'MISSING_FRONT_MATTER', line: 1 });
    expect(errorOf('---\nid: x\n# never closed\n')).toMatchObject({ code: 'MISSING_FRONT_MATTER', line: 1 });
  });

  it('reports invalid YAML at its line', () => {
    expect(errorOf('---\nid: custom\nname: [unclosed\ndescription: x\n---\nbody\n')).toMatchObject({ code: 'INVALID_YAML' });
    expect(errorOf('---\nid: custom\nname: a\n  bad: indent\n---\n').line).toBeGreaterThanOrEqual(3);
  });

  it('reports a missing or invalid front matter field at the line of the field', () => {
    const badId = errorOf('---\nname: Custom\nid: Not Valid\ndescription: x\n---\n');
    expect(badId).toMatchObject({ code: 'INVALID_FRONT_MATTER', line: 3 });
    expect(badId.message).toContain('"id"');
    expect(errorOf('---\nid: custom\nname: Custom\n---\n')).toMatchObject({ code: 'INVALID_FRONT_MATTER', line: 1 });
  });
});

describe('shipped templates', () => {
  it('all parse, with unique ids', () => {
    const templates = shippedTemplates();
    expect(templates.map((t) => t.id)).toEqual(['incident-review', 'google-sre', 'executive-summary']);
    for (const t of templates) expect(t.description.length).toBeGreaterThan(20);
  });

  it('use only documented placeholders, and the README documents every placeholder', async () => {
    const readme = (await import('../../../templates/README.md?raw')).default;
    for (const name of ALL_PLACEHOLDERS) expect(readme).toContain(`{{${name}}}`);
    for (const source of Object.values(SHIPPED_TEMPLATE_SOURCES)) {
      for (const m of source.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)) expect(ALL_PLACEHOLDERS).toContain(m[1]);
    }
  });
});
