import { describe, expect, it } from 'vitest';
import { buildPostmortemContext } from './build-postmortem-context';
import { checkoutContextInput, checkoutIncident } from './checkout-outage.fixture';
import type { PostmortemContext } from './postmortem-context';
import { documentToMarkdown, refreshGeneratedSections, renderTemplate, type DocumentSection } from './render-template';
import { shippedTemplates } from './shipped-templates';
import { parseTemplate, type PostmortemTemplate } from './template-parser';

const context = () => buildPostmortemContext(checkoutContextInput());
const template = (id: string): PostmortemTemplate => {
  const found = shippedTemplates().find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};
const render = (id: string, ctx: PostmortemContext = context()) => renderTemplate(template(id), ctx);
const markdown = (id: string, ctx?: PostmortemContext) => documentToMarkdown(render(id, ctx).sections);
const lines = (id: string) => markdown(id).split('\n');
const generatedKeys = (sections: readonly DocumentSection[]) => sections.flatMap((s) => (s.kind === 'generated' ? [s.key] : []));

describe('incident-review template', () => {
  it('walks the stages in order', () => {
    const headings = lines('incident-review').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Summary',
      '## Impact',
      '## People and roles',
      '## Key moments',
      '## Timeline by stage',
      '## Detection',
      '## Response',
      '## Recovery',
      '## Contributing factors',
      '## What went well',
      '## What went poorly',
      '## Where we got lucky',
      '## Action items',
      '## Metrics',
    ]);
  });

  it('fills values with escaped incident data', () => {
    const out = lines('incident-review');
    expect(out[0]).toBe('# Checkout API errors | EU');
    expect(out).toContain('**Severity:** SEV2 (Major degradation: significant customer impact) · **Status:** In review · **Services:** checkout-api, payments');
    expect(out).toContain('Checkout returned 5xx for \\*some\\* EU users.');
    expect(out).toEqual(
      expect.arrayContaining([
        '- **Incident started:** 2024-06-12 15:58 CEST',
        '- **Detected:** 2024-06-12 16:02 CEST',
        '- **Customer impact started:** 2024-06-12 15:58 CEST',
        '- **Customer impact ended:** 2024-06-12 16:35 CEST',
        '- **Resolved:** 2024-06-12 17:10 CEST',
        '- **Customer impact:** 37m 00s',
        '**Time to detect:** 4m 00s',
        'How did we find out, and what signal would have shown it sooner?',
      ]),
    );
  });

  it('groups the timeline by stage with jump-back links and escaped text', () => {
    const byStage = render('incident-review').sections.find((s) => s.kind === 'generated' && s.key === 'timeline.byStage');
    expect(byStage?.markdown.split('\n')).toEqual([
      '### Before detection',
      '',
      '- [Jun 12, 15:58:00](debrief://event/ev-deploy) — **deploy-bot:** Deployed config v42 to eu-west',
      '',
      '### Detect',
      '',
      '- [Jun 12, 16:02:00](debrief://event/ev-alert) — **Alertmanager:** CheckoutErrorRate > 5% \\[firing\\]',
      '',
      '### Assemble',
      '',
      '- [Jun 12, 16:04:00](debrief://event/ev-ack) — **Alice Smith:** ack, looking. Dashboard: &#60;script>alert(1)&#60;/script>',
      '',
      '### Verify',
      '',
      '- [Jun 12, 16:09:00](debrief://event/ev-verify) — **Bob Jones:** Confirmed: pool size is 5 | should be 50. Password \\[redacted\\] here',
      '',
      '### Mitigate',
      '',
      '- [Jun 12, 16:20:00](debrief://event/ev-rollback) — **Bob Jones:** Rolling back config v42 -> v41',
      '',
      // Not piled under Mitigate: without Repair/Review milestones, Under Control and All Clear begin them.
      '### Review',
      '',
      '_No Review milestone recorded: these events follow All Clear (Jun 12, 17:10:00)._',
      '',
      '- [Jun 12, 17:10:00](debrief://event/ev-clear) — **Alice Smith:** All clear, error rate back to baseline',
    ]);
  });

  it('renders annotations by tag, CAN reports, roles and the action item table', () => {
    const out = lines('incident-review');
    expect(out).toContain('- Config changes skip the canary stage ([Jun 12, 15:58:00](debrief://event/ev-deploy))');
    expect(out).toContain('- Low traffic: it was a holiday in FR');
    expect(out).toContain('**Jun 12, 16:15:00 — Alice Smith**');
    expect(out).toContain('- **Needs:** Payments on-call to confirm');
    expect(out).toContain('  no double charges');
    expect(out).toContain('- **Incident Commander:** Alice Smith');
    expect(out).toContain('| Priority | Action | Owner | Due | Status | Type |');
    expect(out).toContain('| P1 | [Send config changes through canary](https://tracker.example.com/OPS-12) | Bob Jones | 2024-06-19 | In progress | Prevent |');
    expect(out).toContain('| P2 | Alert on pool saturation | Unassigned | Not recorded | Open | Detect |');
    expect(out).toContain('| Time to All Clear | 1h 12m |');
  });

  it('never exports redacted events, redacted spans or unsafe links', () => {
    const out = markdown('incident-review') + markdown('google-sre') + markdown('executive-summary');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('abc123');
    expect(out).not.toContain('ev-secret');
    expect(out).not.toMatch(/javascript:/i);
    expect(out).not.toMatch(/(^|[^\\])</m);
  });
});

describe('google-sre template', () => {
  it('follows the SRE book layout with contributing factors instead of root causes', () => {
    const out = lines('google-sre');
    expect(out.filter((l) => /^##+ /.test(l))).toEqual([
      '## Summary',
      '## Impact',
      '## Contributing factors',
      '## Trigger',
      '## Resolution',
      '## Detection',
      '## Action items',
      '## Lessons learned',
      '### What went well',
      '### What went wrong',
      '### Where we got lucky',
      '## Timeline',
      '## Supporting information',
    ]);
    expect(out[0]).toBe('# Checkout API errors | EU postmortem (2024-06-12 15:58 CEST)');
    expect(out).toContain('**Authors:** Dana, Alice Smith');
    expect(out).toContain('**Status:** In review');
    expect(out).toContain('**Date:** 2024-06-14');
    expect(markdown('google-sre').toLowerCase()).not.toContain('root cause');
  });

  it('has a timeline table with a stage column and escaped cells', () => {
    const out = lines('google-sre');
    expect(out).toContain('| Time | Stage | Who | What |');
    expect(out).toContain('| [Jun 12, 15:58:00](debrief://event/ev-deploy) | Before detection | deploy-bot | Deployed config v42 to eu-west |');
    expect(out).toContain(
      '| [Jun 12, 16:09:00](debrief://event/ev-verify) | Verify | Bob Jones | Confirmed: pool size is 5 \\| should be 50. Password \\[redacted\\] here |',
    );
  });
});

describe('executive-summary template', () => {
  it('is one page: headline, impact, numbers, key moments, changes', () => {
    const out = lines('executive-summary');
    expect(out.filter((l) => l.startsWith('## '))).toEqual(['## What happened', '## Impact', '## Key numbers', '## Key moments', '## What we are changing']);
    expect(out).toContain('**SEV2** · In review · Incident Commander: Alice Smith');
    expect(out).toContain('- [Jun 12, 16:20:00](debrief://event/ev-rollback) — **Bob Jones:** Rolling back config v42 -> v41');
    expect(out.length).toBeLessThan(60);
  });
});

describe('sections and regeneration', () => {
  it('gives generated sections stable keys in template order', () => {
    expect(generatedKeys(render('executive-summary').sections)).toEqual(['table:metrics', 'keyMoments', 'table:actionItems']);
    expect(generatedKeys(render('google-sre').sections)).toEqual([
      'annotations:contributing factor',
      'milestones',
      'table:actionItems',
      'annotations:went well',
      'annotations:went poorly',
      'annotations:where we got lucky',
      'table:timeline',
      'table:metrics',
      'people',
    ]);
  });

  it('refreshes generated sections and keeps prose the user edited', () => {
    const first = render('executive-summary').sections;
    const edited = first.map((s) => (s.kind === 'prose' ? { ...s, markdown: s.markdown.replace(/- \*\*Customer impact:\*\*[\s\S]*?\*\*Services:\*\*.*/, 'Our own words.') } : s));
    expect(edited).not.toEqual(first);
    const input = checkoutContextInput();
    const later = buildPostmortemContext({
      ...input,
      actionItems: input.actionItems.map((a) => (a.id === 'ai-runbook' ? { ...a, status: 'done' as const } : a)),
    });
    const refreshed = refreshGeneratedSections(edited, renderTemplate(template('executive-summary'), later).sections);
    const out = documentToMarkdown(refreshed);
    expect(out).toContain('## Impact\n\nOur own words.');
    expect(out).toContain('| P3 | Update rollback runbook | Dana | 2024-07-12 | Done | Process |');
    expect(out).not.toContain('| Open | Process |');
  });

  it('shows empty states instead of empty sections', () => {
    const input = checkoutContextInput();
    const ctx = buildPostmortemContext({ ...input, events: [], annotations: [], actionItems: [], canReports: [], milestones: [] });
    const custom = parseTemplate('---\nid: t\nname: T\ndescription: d\n---\n{{timeline.byStage}}\n{{table:actionItems}}\n{{annotations:went well}}\n{{keyMoments}}\n');
    expect(renderTemplate(custom, ctx).sections.map((s) => s.markdown)).toEqual([
      '_No timeline events._',
      '_No action items yet._',
      '_None noted yet._',
      '_No key moments pinned._',
    ]);
  });

  it('does not claim "Before detection" when no stage milestones exist', () => {
    const ctx = buildPostmortemContext({ ...checkoutContextInput(), milestones: [] });
    const custom = parseTemplate('---\nid: t\nname: T\ndescription: d\n---\n{{timeline.byStage}}\n{{table:timeline}}\n');
    const [byStage, table] = renderTemplate(custom, ctx).sections.map((s) => s.markdown);
    expect(byStage).not.toContain('###');
    expect(byStage?.split('\n')[0]).toBe('- [Jun 12, 15:58:00](debrief://event/ev-deploy) — **deploy-bot:** Deployed config v42 to eu-west');
    expect(table).not.toContain('Before detection');
    expect(table).toContain('| [Jun 12, 15:58:00](debrief://event/ev-deploy) | — | deploy-bot | Deployed config v42 to eu-west |');
  });

  it('fills unknown values with a dash', () => {
    const input = checkoutContextInput();
    const ctx = buildPostmortemContext({ ...input, incident: { ...input.incident, summary: '  ', commander: '', roles: [] }, authors: [] });
    const custom = parseTemplate('---\nid: t\nname: T\ndescription: d\n---\nSummary: {{incident.summary}}; IC: {{incident.commander}}; by {{document.authors}}\n');
    expect(renderTemplate(custom, ctx).sections).toEqual([{ kind: 'prose', markdown: 'Summary: —; IC: —; by —' }]);
  });
});

describe('determinism', () => {
  it('renders the same bytes for the same data, whatever order the records come in', () => {
    const input = checkoutContextInput();
    const shuffled = {
      ...input,
      events: [...input.events].reverse(),
      milestones: [...input.milestones].reverse(),
      annotations: [...input.annotations].reverse(),
      actionItems: [...input.actionItems].reverse(),
    };
    for (const t of shippedTemplates()) {
      const a = documentToMarkdown(renderTemplate(t, buildPostmortemContext(input)).sections);
      const b = documentToMarkdown(renderTemplate(t, buildPostmortemContext(shuffled)).sections);
      expect(b).toBe(a);
    }
  });

  it('does not read the clock: without generatedAt the date is "Not recorded"', () => {
    const ctx = buildPostmortemContext({ ...checkoutContextInput(), generatedAt: null });
    expect(markdown('google-sre', ctx)).toContain('**Date:** Not recorded');
  });
});

describe('missing metrics', () => {
  const noMetrics = () => buildPostmortemContext({ ...checkoutContextInput(), incident: { ...checkoutIncident, detectedAt: null, resolvedAt: null }, milestones: [] });

  it('read naturally in every shipped template: a label and what to record, never "for Not recorded"', () => {
    for (const t of shippedTemplates()) {
      const out = documentToMarkdown(renderTemplate(t, noMetrics()).sections);
      expect(out, t.id).not.toMatch(/(?:for|after|lasted) Not recorded/i);
      for (const line of out.split('\n').filter((l) => /not recorded/i.test(l) && !l.startsWith('|'))) {
        expect(line, t.id).toMatch(/^(?:- )?\*\*[^*]+:\*\* (?:Not recorded|not recorded yet(?: — record .+)?)$/);
      }
      expect(out, t.id).toContain('**Customer impact:** not recorded yet — record an Impact end or Under Control milestone');
    }
  });

  it('names the milestones each metric still needs', () => {
    const out = markdown('incident-review', noMetrics());
    expect(out).toContain('**Time to acknowledge:** not recorded yet — record a Detect milestone and an Assemble milestone');
    expect(out).toContain('\n**Time to mitigate:** not recorded yet — record a Mitigate milestone');
    expect(out).toContain('**Time to detect:** not recorded yet — record a Detect milestone');
    expect(out).toContain('| Customer-impact duration | Not recorded |');
  });
});
