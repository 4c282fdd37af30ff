import { describe, expect, it } from 'vitest';
import { newTimelineEvent } from '../model/new-event';
import { buildPostmortemContext } from './build-postmortem-context';
import { checkoutContextInput, checkoutIncident } from './checkout-outage.fixture';
import { renderBlock } from './render-blocks';

/** A Slack message with formatting, a link and a redaction, as the postmortem's timeline writes it. */
function context() {
  const input = checkoutContextInput();
  const slack = newTimelineEvent({
    id: 'ev-formatted',
    incidentId: checkoutIncident.id,
    sourceId: 'src-1',
    sourceFormat: 'slack-export',
    dedupeKey: 'slack-export:ev-formatted',
    at: input.events[2].at + 1000,
    actorName: 'Kenji Sato',
    text: ':rotating_light: *rolled back* `payments-api` per the _dashboard_, cc @Maria Lopez | key hunter2',
    mentions: ['Maria Lopez'],
    links: [
      { url: 'https://grafana.example/d/1', label: 'dashboard' },
      { url: 'https://secret.example/hunter2', label: 'hunter2' },
    ],
    redactions: [{ start: 89, end: 96 }],
  });
  return buildPostmortemContext({ ...input, events: [...input.events, slack] });
}

describe('chat text in the postmortem', () => {
  it('writes Slack formatting as Markdown in the timeline list, with redactions and safe links', () => {
    const markdown = renderBlock({ name: 'timeline.byStage' }, context());
    const line = markdown.split('\n').find((l) => l.includes('Kenji Sato'));
    expect(line).toMatch(/ 🚨 \*\*rolled back\*\* `payments-api` per the \*\[dashboard\]\(https:\/\/grafana\.example\/d\/1\)\*, cc @Maria Lopez \| key \\\[redacted\\\]$/);
    expect(markdown).not.toContain('hunter2');
  });

  it('writes it into table cells with pipes escaped', () => {
    const markdown = renderBlock({ name: 'table:timeline' }, context());
    const row = markdown.split('\n').find((l) => l.includes('Kenji Sato'));
    expect(row).toContain('🚨 **rolled back** `payments-api` per the *[dashboard](https://grafana.example/d/1)*, cc @Maria Lopez \\| key \\[redacted\\]');
  });
});
