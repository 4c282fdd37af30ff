import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixture } from './__fixtures__/read-fixture';
import { kubernetesEventsImporter } from './kubernetes-events';
import { detectFormat } from './registry';

const parse = kubernetesEventsImporter.parse.bind(kubernetesEventsImporter);

describe('kubernetes events and argo cd', () => {
  it('turns kubectl events into alerts, rollouts and Argo CD deploys, folding repeats into one event', async () => {
    const result = await parse(await fixtureInput('kubernetes-events.json'), {});
    expect(result.events.map((event) => [event.kind, event.actorName, event.channel, event.text])).toEqual([
      ['deploy', 'deployment-controller', 'search', 'ScalingReplicaSet Deployment/search-api: Scaled up replica set search-api-7d9f8c6b5 to 3'],
      [
        'alert',
        'kubelet',
        'search',
        'Unhealthy Pod/search-api-7d9f8c6b5-x2k4q: Readiness probe failed: HTTP probe failed with statuscode: 503 (14 times, last at 2024-03-01T22:09:41Z)',
      ],
      ['alert', 'kubelet', 'search', 'BackOff Pod/search-api-7d9f8c6b5-x2k4q: Back-off restarting failed container search-api'],
      ['deploy', 'argocd-server', 'argocd', 'OperationStarted Application/search-api: Initiated rollback to 12 (9f2c1e0)'],
    ]);
    expect(result.events[2]?.at).toBe(Date.parse('2024-03-01T22:05:00.123Z'));
    expect(result.events[0]?.dedupeKey).toBe('kubernetes-events:event:0b6f1c2e-7a3d-4c5b-9e8f-222222222222');
  });

  it('turns an Argo CD application history into deploys, telling the last sync once', async () => {
    const result = await parse(await fixtureInput('argocd-app.json'), {});
    expect(result.events.map((event) => [event.actorName, event.channel, event.text])).toEqual([
      ['Argo CD', 'argocd/search-api', 'Argo CD synced search-api to c3d4e5f (apps/search-api) by automated sync, finished 2024-03-01T21:58:40Z'],
      ['rhea-p', 'argocd/search-api', 'Argo CD synced search-api to 9f2c1e0 (apps/search-api) by rhea-p, finished 2024-03-01T22:25:02Z'],
    ]);
    expect(result.skipped).toEqual([{ reason: 'Argo CD sync already in the history', count: 1 }]);
    const failed = JSON.parse(new TextDecoder().decode(await readFixture('argocd-app.json'))) as { status: { operationState: Record<string, unknown> } };
    failed.status.operationState = { ...failed.status.operationState, phase: 'Failed', message: 'one or more objects failed to apply', startedAt: '2024-03-01T22:40:00Z' };
    const withFailure = await parse(fileInput('app.json', JSON.stringify(failed)), {});
    expect(withFailure.events.at(-1)?.text).toBe('Argo CD sync of search-api to 9f2c1e0: Failed — one or more objects failed to apply');
  });

  it('is detected from content, reads both files picked together, and refuses a bad time naming the field', async () => {
    expect((await detectFormat(await fixtureInput('kubernetes-events.json'))).importer.id).toBe('kubernetes-events');
    expect((await detectFormat(await fixtureInput('argocd-app.json'))).importer.id).toBe('kubernetes-events');
    expect(await kubernetesEventsImporter.detect(await fixtureInput('alertmanager-firing.json'))).toBe(0);
    const both = folderInput('k8s', { 'events.json': await readFixture('kubernetes-events.json'), 'app.json': await readFixture('argocd-app.json') });
    expect((await parse(both, {})).events).toHaveLength(6);
    const error = await expectImportError(parse(fileInput('e.json', '{"kind": "List", "items": [{"kind": "Event", "involvedObject": {"kind": "Pod"}, "reason": "X", "firstTimestamp": "soon"}]}'), {}));
    expect(error.location.field).toBe('items[0].firstTimestamp');
    expect((await expectImportError(parse(fileInput('e.json', '{"kind": "List", "items": []}'), {}))).code).toBe('EMPTY');
  });
});
