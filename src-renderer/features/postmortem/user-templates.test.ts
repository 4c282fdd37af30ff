import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@data/test-database';
import { TemplateError } from '@core/postmortem/template-error';
import { addUserTemplate, readUserTemplates, removeUserTemplate, templateChoices } from './user-templates';

const freshDb = createTestDatabases('user-templates');

const source = (id: string, body = '# {{incident.title}}\n\n{{table:actionItems}}\n') => `---\nid: ${id}\nname: Team ${id}\ndescription: Ours.\n---\n${body}`;

describe('user templates', () => {
  it('adds, replaces by id, lists after the shipped ones and removes', async () => {
    const database = await freshDb();
    await addUserTemplate('team.md', source('team'), database);
    await addUserTemplate('team-v2.md', source('team', '# {{incident.id}}\n'), database);
    const stored = await readUserTemplates(database);
    expect(stored.map((s) => s.fileName)).toEqual(['team-v2.md']);
    const choices = templateChoices(stored);
    expect(choices.map((c) => c.template.id)).toEqual(['incident-review', 'google-sre', 'executive-summary', 'team']);
    expect(choices.at(-1)?.fileName).toBe('team-v2.md');
    await removeUserTemplate('team', database);
    expect(await readUserTemplates(database)).toEqual([]);
  });

  it('refuses a broken file with its line, and the id of a built-in template', async () => {
    const database = await freshDb();
    const broken = addUserTemplate('broken.md', source('x', '# ok\n\n{{incident.nope}}\n'), database);
    await expect(broken).rejects.toBeInstanceOf(TemplateError);
    await expect(broken).rejects.toMatchObject({ line: 8, code: 'UNKNOWN_PLACEHOLDER' });
    await expect(addUserTemplate('mine.md', source('incident-review'), database)).rejects.toMatchObject({ code: 'TEMPLATE_ID_TAKEN' });
    expect(await readUserTemplates(database)).toEqual([]);
  });
});
