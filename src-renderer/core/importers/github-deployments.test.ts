import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixture } from './__fixtures__/read-fixture';
import { githubDeploymentsImporter } from './github-deployments';
import { detectFormat } from './registry';

const parse = githubDeploymentsImporter.parse.bind(githubDeploymentsImporter);

describe('github deployments', () => {
  it('turns deployments and their statuses picked together into deploy events naming ref, environment and state', async () => {
    const input = folderInput('deploys', {
      'github-deployments.json': await readFixture('github-deployments.json'),
      'github-deployment-statuses.json': await readFixture('github-deployment-statuses.json'),
    });
    const result = await parse(input, {});
    expect(result.events.map((event) => [event.kind, event.actorName, event.channel, event.text])).toEqual([
      ['deploy', 'github-actions[bot]', 'lumen/search-api', 'Deployment of v3.15.0 (c3d4e5f) to production created: Release v3.15.0'],
      ['deploy', 'github-actions[bot]', 'lumen/search-api', 'Deployment v3.15.0 to production: in progress'],
      ['deploy', 'github-actions[bot]', 'lumen/search-api', 'Deployment v3.15.0 to production: success — Deployed v3.15.0 to 12/12 pods'],
      ['deploy', 'rhea-p', 'lumen/search-api', 'Deployment of v3.14.1 (9f2c1e0) to production created: Rollback to v3.14.1'],
    ]);
    expect(result.events[2]?.links).toEqual([
      { url: 'https://github.com/lumen/search-api/actions/runs/8112233445/job/22170000001', label: 'Deployment log' },
      { url: 'https://search.lumen.example', label: 'production' },
    ]);
    expect(result.actors.find((actor) => actor.externalId === 'github-actions[bot]')?.bot).toBe(true);
  });

  it('names the ref in statuses whose file comes before their deployments\' file', async () => {
    const input = folderInput('deploys', {
      'github-deployment-statuses.json': await readFixture('github-deployment-statuses.json'),
      'github-deployments.json': await readFixture('github-deployments.json'),
    });
    const texts = (await parse(input, {})).events.map((event) => event.text);
    expect(texts).toContain('Deployment v3.15.0 to production: success — Deployed v3.15.0 to 12/12 pods');
    expect(texts.filter((text) => text.startsWith('Deployment to '))).toEqual([]);
  });

  it('reads a deployment_status webhook and never repeats a deployment the list already gave', async () => {
    const input = folderInput('deploys', {
      'github-deployments.json': await readFixture('github-deployments.json'),
      'hook.json': await readFixture('github-deployment-status-webhook.json'),
    });
    const result = await parse(input, {});
    expect(result.events.map((event) => event.dedupeKey)).toEqual([
      'github-deployments:deployment:1892990017',
      'github-deployments:deployment:1893002211',
      'github-deployments:status:4011290009',
    ]);
    expect(result.events[2]?.text).toBe('Deployment v3.14.1 to production: success — Rolled back');
    expect(result.skipped).toEqual([{ reason: 'duplicate record', count: 1 }]);
  });

  it('is detected from content and refuses broken records naming the field', async () => {
    expect((await detectFormat(await fixtureInput('github-deployments.json'))).importer.id).toBe('github-deployments');
    expect((await detectFormat(await fixtureInput('github-deployment-status-webhook.json'))).importer.id).toBe('github-deployments');
    expect(await githubDeploymentsImporter.detect(await fixtureInput('pagerduty-log-entries.json'))).toBe(0);
    const error = await expectImportError(parse(fileInput('d.json', '[{"id": 1, "sha": "abc", "environment": "prod", "created_at": "yesterday"}]'), {}));
    expect(error.code).toBe('BAD_DATE');
    expect(error.location.field).toBe('[0].created_at');
    expect((await expectImportError(parse(fileInput('d.json', '[{"name": "x"}]'), {}))).code).toBe('EMPTY');
  });
});
