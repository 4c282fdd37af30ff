import { describe, expect, it } from 'vitest';
import { buildPostmortemContext } from '@core/postmortem/build-postmortem-context';
import { shippedTemplates } from '@core/postmortem/shipped-templates';
import { exportMarkdownFromState, importMarkdownToState } from '@editor/markdown-io';
import { contextInputFromRecords } from './context-input';
import { INC_482_GENERATED_AT, inc482ActionItem, inc482Records, incidentReviewTemplate } from './inc-482.fixture';
import { draftFromTemplate, regenerateDraft } from './postmortem-draft';
import { generatedKeys } from './section-align';

const template = incidentReviewTemplate();
const ctxOf = (records = inc482Records()) => buildPostmortemContext(contextInputFromRecords(records, INC_482_GENERATED_AT));

/** Simulates the user editing the document in the editor: Markdown out, change, Markdown in. */
function edit(body: string, change: (markdown: string) => string): string {
  return importMarkdownToState(change(exportMarkdownFromState(body)));
}

describe('generating and regenerating a postmortem', () => {
  it('every shipped template gives a document whose generated sections are all found again', () => {
    for (const t of shippedTemplates()) {
      const draft = draftFromTemplate(t, ctxOf());
      const expectedKeys = t.parts.flatMap((p) => (p.kind === 'block' ? [p.key] : []));
      expect(generatedKeys(draft.sections), t.id).toEqual(expectedKeys);
    }
  });

  it('keeps the prose the user wrote and updates the tables with new action items', () => {
    const draft = draftFromTemplate(template, ctxOf());
    const body = edit(draft.body, (md) =>
      md
        .replace('Describe who was affected, how, and for how long.', 'About 30% of checkouts failed for 32 minutes.')
        .replace('## Contributing factors', '## Contributing factors\n\nThe canary stage did not cover config.'),
    );

    const records = inc482Records();
    records.actionItems = [...records.actionItems, inc482ActionItem('ai-pool', 'Alert on pool saturation', { priority: 'P3', ownerName: 'Tom Okafor' })];
    const next = regenerateDraft(body, draft.sections, template, ctxOf(records));
    const markdown = exportMarkdownFromState(next.body);

    expect(markdown).toContain('About 30% of checkouts failed for 32 minutes.');
    expect(markdown).toContain('The canary stage did not cover config.');
    expect(markdown).not.toContain('Describe who was affected');
    expect(markdown).toMatch(/\| P3 \| Alert on pool saturation \| Tom Okafor \|/);
    expect(next.refreshed).toEqual(['table:actionItems']);
    expect(next.kept).toEqual([]);
    // Still regenerable next time.
    expect(generatedKeys(next.sections)).toEqual(generatedKeys(draft.sections));
  });

  it('keeps a generated table the user edited, and says so', () => {
    const draft = draftFromTemplate(template, ctxOf());
    const body = edit(draft.body, (md) => md.replace('| Marco Silva | 2024-06-24', '| Marco Silva (agreed in review) | 2024-06-24'));
    const records = inc482Records();
    records.actionItems = [...records.actionItems, inc482ActionItem('ai-pool', 'Alert on pool saturation')];
    const next = regenerateDraft(body, draft.sections, template, ctxOf(records));
    const markdown = exportMarkdownFromState(next.body);
    expect(markdown).toContain('(agreed in review)');
    expect(markdown).not.toContain('Alert on pool saturation');
    expect(next.kept).toEqual(['table:actionItems']);
  });

  it('changes nothing when nothing changed', () => {
    const draft = draftFromTemplate(template, ctxOf());
    const next = regenerateDraft(draft.body, draft.sections, template, ctxOf());
    expect(exportMarkdownFromState(next.body)).toBe(exportMarkdownFromState(draft.body));
    expect(next.refreshed).toEqual([]);
  });
});
