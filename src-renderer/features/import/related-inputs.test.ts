import { describe, expect, it } from 'vitest';
import { must, readFixture } from '@core/importers/__fixtures__/read-fixture';
import { groupPickedFiles, toImportInput } from './picked-input';
import { groupRelatedInputs } from './related-inputs';

const picked = async (name: string) => ({ file: new File([new Uint8Array(await readFixture(name))], name), path: name });

describe('groupRelatedInputs', () => {
  it('makes the PagerDuty files picked one by one one input, keeping other files apart and in place', async () => {
    const files = [
      await picked('timeline-comma.csv'),
      await picked('pagerduty-log-entries.json'),
      await picked('statuspage-incidents.json'),
      await picked('pagerduty-notes.json'),
      await picked('pagerduty-incident.json'),
    ];
    const inputs = await groupRelatedInputs(groupPickedFiles(files));
    expect(inputs.map((input) => [input.name, input.kind, input.files.length])).toEqual([
      ['timeline-comma.csv', 'file', 1],
      ['pagerduty-log-entries.json + pagerduty-notes.json + pagerduty-incident.json', 'folder', 3],
      ['statuspage-incidents.json', 'file', 1],
    ]);
    const group = toImportInput(must(inputs[1]));
    expect(group.kind === 'folder' && group.folder.entries.map((entry) => entry.path)).toEqual(['pagerduty-log-entries.json', 'pagerduty-notes.json', 'pagerduty-incident.json']);
  });

  it('leaves a single PagerDuty file as it was', async () => {
    const inputs = groupPickedFiles([await picked('pagerduty-log-entries.json')]);
    expect(await groupRelatedInputs(inputs)).toEqual(inputs);
  });

  it('groups a Discord channel\'s pages, a Teams conversation\'s pages and a repository\'s deployments and statuses, each as its own source', async () => {
    const other = new File([JSON.stringify({ guild: { id: '1' }, channel: { id: '2', name: 'other' }, exportedAt: '2024-03-02T09:00:00Z', messages: [] })], 'other-channel.json');
    const files = [
      await picked('github-deployment-statuses.json'),
      await picked('discord-channel.json'),
      await picked('teams-channel-messages.json'),
      { file: other, path: 'other-channel.json' },
      await picked('discord-channel-part2.json'),
      await picked('github-deployments.json'),
      await picked('teams-channel-replies.json'),
      await picked('github-deployment-status-webhook.json'),
    ];
    const inputs = await groupRelatedInputs(groupPickedFiles(files));
    expect(inputs.map((input) => input.name)).toEqual([
      'github-deployment-statuses.json + github-deployments.json + github-deployment-status-webhook.json',
      'discord-channel.json + discord-channel-part2.json',
      'teams-channel-messages.json + teams-channel-replies.json',
      'other-channel.json',
    ]);
  });
});
