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
});
