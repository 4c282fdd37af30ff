import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPostmortemContext } from '@core/postmortem/build-postmortem-context';
import { contextInputFromRecords } from './context-input';
import { INC_482_GENERATED_AT, inc482Records, incidentReviewTemplate } from './inc-482.fixture';
import { postmortemMarkdown } from './markdown-export';
import { draftFromTemplate } from './postmortem-draft';

const GOLDEN = fileURLToPath(new URL('./__golden__/inc-482-incident-review.md', import.meta.url));

describe('golden export', () => {
  it('INC-482 rendered with the incident-review template exports exactly the reviewed file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const template = incidentReviewTemplate();
    const ctx = buildPostmortemContext(contextInputFromRecords(inc482Records(), INC_482_GENERATED_AT));
    const markdown = postmortemMarkdown(ctx, template.id, draftFromTemplate(template, ctx).body);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, markdown);
    expect(markdown).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
