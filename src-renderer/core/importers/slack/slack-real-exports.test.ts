import { describe, expect, it } from 'vitest';
import { bytesSource, type ImportInput } from '../byte-source';
import { detectFormat } from '../registry';
import { buildExportFolder, buildExportZip, channel, message, tsAt, user, type ExportDescription } from './__fixtures__/build-export';
import { parseSlackExport, slackExportImporter } from './slack-export';

const ALICE = user('U0ALICE', 'alice');
const BOB = user('U0BOB', 'bob');
const folderInput = (description: ExportDescription): ImportInput => ({ kind: 'folder', folder: buildExportFolder(description).folder });
const zipInput = (description: ExportDescription): ImportInput => ({ kind: 'file', source: bytesSource('export.zip', buildExportZip(description)) });
const T1 = tsAt('2024-06-12T14:00:00Z');
const T2 = tsAt('2024-06-12T14:05:00Z');

describe('Slack exports as people really have them', () => {
  it('recognises an export of day files only (no channels.json, users.json), unpacked or zipped with a wrapper folder', async () => {
    const days = { 'incident-db/2024-06-12': [message(T1, 'U0ALICE', 'db is down'), message(T2, 'U0BOB', 'on it')] };
    const folder = folderInput({ days });
    expect((await detectFormat(folder)).importer.id).toBe('slack-export');
    const wrapped = zipInput({ days, root: 'acme-export/' });
    expect((await detectFormat(wrapped)).importer.id).toBe('slack-export');
    const result = await parseSlackExport(wrapped, {});
    expect(result.events.map((event) => [event.channel, event.text, event.actorExternalId])).toEqual([
      ['incident-db', 'db is down', 'U0ALICE'],
      ['incident-db', 'on it', 'U0BOB'],
    ]);
    expect(result.warnings.map((warning) => warning.message)).toContain('users.json is missing: people are shown by their Slack id');
  });

  it('does not take folders of other dated JSON for a Slack export', async () => {
    const other = folderInput({ extra: { 'metrics/2024-06-12.json': '{"cpu": 3}' } });
    expect(await slackExportImporter.detect(other)).toBe(0);
  });

  it('attaches the single `file` of an old-style upload and credits a file_comment to its commenter', async () => {
    const upload = message(T1, 'U0ALICE', '<@U0ALICE> uploaded a file: <https://acme.slack.com/files/U0ALICE/F01/graph.png|graph.png>', {
      subtype: 'file_share',
      upload: true,
      file: { id: 'F01', name: 'graph.png', title: 'p99 graph', permalink: 'https://acme.slack.com/files/U0ALICE/F01/graph.png' },
    });
    const comment = {
      type: 'message',
      subtype: 'file_comment',
      ts: T2,
      text: '<@U0BOB> commented on <@U0ALICE>’s file <https://acme.slack.com/files/U0ALICE/F01/graph.png|graph.png>: spike at 14:00',
      file: { id: 'F01', name: 'graph.png', permalink: 'https://acme.slack.com/files/U0ALICE/F01/graph.png' },
      comment: { id: 'Fc01', created: 1718200800, timestamp: 1718200800, user: 'U0BOB', comment: 'spike at 14:00' },
    };
    const result = await parseSlackExport(folderInput({ users: [ALICE, BOB], channels: [channel('C1', 'inc', [])], days: { 'inc/2024-06-12': [upload, comment] } }), {});
    const [first, second] = result.events;
    expect(first?.attachments).toEqual([{ name: 'graph.png', url: 'https://acme.slack.com/files/U0ALICE/F01/graph.png' }]);
    expect(second?.actorExternalId).toBe('U0BOB');
    expect(second?.actorName).toBe('bob');
    expect(second?.attachments).toHaveLength(1);
  });

  it('explains why a DM-only export adds nothing', async () => {
    const result = await parseSlackExport(
      folderInput({ users: [ALICE, BOB], channels: [], dms: [{ id: 'D01', members: ['U0ALICE', 'U0BOB'] }, { id: 'D02', members: ['U0ALICE'] }] }),
      {},
    );
    expect(result.events).toEqual([]);
    expect(result.warnings.map((warning) => warning.message)).toContain(
      "nothing to import: the export lists 2 direct messages but holds none of their messages (Slack's standard export leaves direct messages and private channels out; a workspace owner can export all conversations)",
    );
  });

  it('says when every message fell outside the time window', async () => {
    const result = await parseSlackExport(folderInput({ users: [ALICE], channels: [channel('C1', 'inc', [])], days: { 'inc/2024-06-12': [message(T1, 'U0ALICE', 'x')] } }), {
      window: { from: Date.parse('2025-01-01T00:00:00Z') },
    });
    expect(result.warnings.map((warning) => warning.message)).toContain('no message falls inside the time window (the chosen conversations run from 2024-06-12 to 2024-06-12); widen it, or leave it empty, to import them');
  });
});

describe('hostile entry names', () => {
  it('leaves out traversal, absolute and __proto__ entries and names every one in a warning', async () => {
    const good = [message(T1, 'U0ALICE', 'kept')];
    const input = folderInput({
      users: [ALICE],
      channels: [channel('C1', 'inc', [])],
      days: { 'inc/2024-06-12': good },
      extra: {
        '../escape/2024-06-12.json': JSON.stringify([message(T2, 'U0ALICE', 'escaped')]),
        '/etc/2024-06-12.json': '[]',
        '__proto__/2024-06-12.json': JSON.stringify([message(T2, 'U0ALICE', 'polluted')]),
      },
    });
    const result = await parseSlackExport(input, {});
    expect(result.events.map((event) => event.text)).toEqual(['kept']);
    expect(result.warnings.map((warning) => warning.message)).toContain(
      'left out 3 entries whose names point outside the export: ../escape/2024-06-12.json, /etc/2024-06-12.json, __proto__/2024-06-12.json',
    );
    const preview = await slackExportImporter.preview(input, {});
    expect(preview.warnings.map((warning) => warning.message).join('\n')).toContain('__proto__/2024-06-12.json');
  });
});
