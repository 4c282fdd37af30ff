import { describe, expect, it } from 'vitest';
import { bytesSource, type ImportInput } from '../byte-source';
import { ImportError } from '../import-error';
import type { ImportedEvent, ParseResult } from '../imported-records';
import { buildExportFolder, buildExportZip, channel, message, tsAt, user, type ExportDescription } from './__fixtures__/build-export';
import { countMessages, parseSlackExport, previewSlackExport, slackExportImporter } from './slack-export';

const ALICE = user('U0ALICE', 'alice');
const BOB = user('U0BOB', 'bob', { profile: { display_name: '', real_name: 'Bob Kim' } });
const INC = channel('C0INC', 'inc-77-db', ['U0ALICE', 'U0BOB']);

function base(days: ExportDescription['days'], extra: Partial<ExportDescription> = {}): ExportDescription {
  return { users: [ALICE, BOB], channels: [INC], groups: [], dms: [], mpims: [], days, ...extra };
}

const folderInput = (description: ExportDescription): ImportInput => ({ kind: 'folder', folder: buildExportFolder(description).folder });

async function parse(description: ExportDescription, options = {}): Promise<ParseResult> {
  return parseSlackExport(folderInput(description), options);
}

function byTs(result: ParseResult, ts: string): ImportedEvent {
  const found = result.events.find((event) => event.originalTime === ts);
  if (!found) throw new Error(`no event ${ts}`);
  return found;
}

const T1 = tsAt('2024-06-12T23:50:00Z', 120400);

/** An export's incident channel after its preview, with the folder's read log cleared: what a count reads next. */
async function incidentConversation(description: ExportDescription) {
  const { folder, reads } = buildExportFolder(description);
  const preview = await previewSlackExport({ kind: 'folder', folder });
  reads.clear();
  const inc = preview.conversations.find((c) => c.id === 'C0INC');
  if (!inc) throw new Error('missing conversation');
  return { folder, reads, inc };
}

describe('detect', () => {
  it('is confident for a folder or zip with lists and day files, and not for other inputs', async () => {
    const description = base({ 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'hi')] });
    expect(await slackExportImporter.detect(folderInput(description))).toBeGreaterThan(0.9);
    const zip = buildExportZip(description);
    expect(await slackExportImporter.detect({ kind: 'file', source: bytesSource('export.zip', zip) })).toBeGreaterThan(0.9);
    expect(await slackExportImporter.detect({ kind: 'file', source: bytesSource('x.json', new TextEncoder().encode('[]')) })).toBe(0);
    expect(await slackExportImporter.detect(folderInput({ extra: { 'notes/2024-06-12.txt': 'x' } }))).toBe(0);
  });
});

describe('preview', () => {
  const description = base(
    {
      'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'hi')],
      'inc-77-db/2024-06-14': [message(tsAt('2024-06-14T01:00:00Z'), 'U0BOB', 'later')],
      'D0DM1/2024-06-13': [message(tsAt('2024-06-13T01:00:00Z'), 'U0BOB', 'dm')],
      'mpdm-alice--bob-1/2024-06-13': [message(tsAt('2024-06-13T02:00:00Z'), 'U0BOB', 'group dm')],
      'secret-war-room/2024-06-13': [message(tsAt('2024-06-13T03:00:00Z'), 'U0BOB', 'private')],
      'orphan/2024-06-15': [message(tsAt('2024-06-15T03:00:00Z'), 'U0BOB', 'unlisted')],
    },
    {
      dms: [{ id: 'D0DM1', members: ['U0ALICE', 'U0BOB'] }],
      mpims: [{ id: 'G0MPIM', name: 'mpdm-alice--bob-1', members: ['U0ALICE', 'U0BOB'] }],
      groups: [channel('G0PRIV', 'secret-war-room', ['U0BOB'])],
    },
  );

  it('lists every conversation with kind, day-file count and date range without reading day files', async () => {
    const { folder, reads } = buildExportFolder(description);
    const preview = await previewSlackExport({ kind: 'folder', folder });
    expect([...reads.keys()].filter((path) => path.includes('/'))).toEqual([]);
    const summary = Object.fromEntries(preview.conversations.map((c) => [c.id, [c.kind, c.label, c.dayFileCount, c.firstDay, c.lastDay]]));
    expect(summary).toEqual({
      C0INC: ['channel', '#inc-77-db', 2, '2024-06-12', '2024-06-14'],
      G0PRIV: ['private-channel', '#secret-war-room', 1, '2024-06-13', '2024-06-13'],
      D0DM1: ['dm', 'DM: alice, Bob Kim', 1, '2024-06-13', '2024-06-13'],
      G0MPIM: ['group-dm', 'Group DM: alice, Bob Kim', 1, '2024-06-13', '2024-06-13'],
      orphan: ['unlisted', 'orphan', 1, '2024-06-15', '2024-06-15'],
    });
    expect(preview.users.map((u) => u.name)).toEqual(['alice', 'Bob Kim']);
    expect(preview.dayFileZone).toMatchObject({ known: false, marginDays: 1 });
    expect(preview.sample).toEqual([]);
  });

  it('counts one conversation on demand, reading only its day files', async () => {
    const { folder, reads, inc } = await incidentConversation(description);
    expect(await countMessages(folder, inc)).toBe(2);
    expect([...reads.keys()].sort()).toEqual(['inc-77-db/2024-06-12.json', 'inc-77-db/2024-06-14.json']);
  });

  it('stops counting between two day files once cancelled', async () => {
    const { folder, reads, inc } = await incidentConversation(description);
    // Cancelled once the first of its two day files has been read.
    const signal = { get aborted() { return reads.size > 0; } };
    await expect(countMessages(folder, inc, {}, { signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect([...reads.keys()]).toEqual(['inc-77-db/2024-06-12.json']);
  });

  it('stops counting within a day file cancelled while its bytes were read, before parsing it', async () => {
    const { folder, reads, inc } = await incidentConversation(base({ 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'only day')] }));
    // Import pressed while the conversation's only (last) day file is being read.
    const signal = { get aborted() { return reads.size > 0; } };
    await expect(countMessages(folder, inc, {}, { signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('counts only the messages the chosen time window will import, and skips day files it cannot reach', async () => {
    const early = tsAt('2024-06-12T08:00:00Z');
    const inside = tsAt('2024-06-12T14:30:00Z');
    const insideToo = tsAt('2024-06-12T15:59:00Z');
    const late = tsAt('2024-06-12T19:00:00Z');
    const { folder, reads } = buildExportFolder(
      base({
        'inc-77-db/2024-06-12': [
          message(early, 'U0ALICE', 'before'),
          message(inside, 'U0ALICE', 'in'),
          message(insideToo, 'U0BOB', 'in too'),
          { type: 'message', subtype: 'message_changed', ts: tsAt('2024-06-12T15:00:00Z'), message: { ts: inside, text: 'edited' } },
          message(late, 'U0BOB', 'after'),
        ],
        'inc-77-db/2024-06-20': [message(tsAt('2024-06-20T10:00:00Z'), 'U0ALICE', 'a week later')],
      }),
    );
    const preview = await previewSlackExport({ kind: 'folder', folder });
    const inc = preview.conversations.find((c) => c.id === 'C0INC');
    if (!inc) throw new Error('missing conversation');
    expect(await countMessages(folder, inc)).toBe(5);
    reads.clear();
    const window = { from: Date.parse('2024-06-12T14:00:00Z'), to: Date.parse('2024-06-12T16:00:00Z') };
    expect(await countMessages(folder, inc, { window })).toBe(2);
    expect([...reads.keys()]).toEqual(['inc-77-db/2024-06-12.json']);
    // The same window imports exactly as many.
    const result = await parseSlackExport({ kind: 'folder', folder }, { window, conversations: ['C0INC'] });
    expect(result.events).toHaveLength(2);
  });

  it('finds an export inside a wrapper folder of a zip', async () => {
    const zip = buildExportZip({ ...description, root: 'acme-export/', days: { 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'hi')] } });
    const preview = await previewSlackExport({ kind: 'file', source: bytesSource('acme.zip', zip) });
    expect(preview.conversations.find((c) => c.id === 'C0INC')?.dayFileCount).toBe(1);
  });
});

describe('time window', () => {
  const description = base({
    'inc-77-db/2024-06-01': [message(tsAt('2024-06-01T12:00:00Z'), 'U0ALICE', 'too early')],
    'inc-77-db/2024-06-11': [message(tsAt('2024-06-11T23:30:00Z'), 'U0ALICE', 'just before')],
    'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'inside')],
    // Named the 13th (e.g. in UTC+14) but the message is the 12th in UTC: the margin keeps it.
    'inc-77-db/2024-06-13': [message(tsAt('2024-06-12T20:00:00Z'), 'U0BOB', 'inside too')],
    'inc-77-db/2024-06-20': [message(tsAt('2024-06-20T12:00:00Z'), 'U0ALICE', 'too late')],
  });

  it('does not decompress day files wholly outside the window (±1 day) and counts skipped messages', async () => {
    const { folder, reads } = buildExportFolder(description);
    const window = { from: Date.parse('2024-06-12T00:00:00Z'), to: Date.parse('2024-06-12T23:59:59Z') };
    const result = await parseSlackExport({ kind: 'folder', folder }, { window });
    expect(result.events.map((e) => e.text)).toEqual(['inside too', 'inside']);
    expect(reads.get('inc-77-db/2024-06-01.json')).toBeUndefined();
    expect(reads.get('inc-77-db/2024-06-20.json')).toBeUndefined();
    expect(reads.get('inc-77-db/2024-06-11.json')).toBe(1);
    expect(reads.get('inc-77-db/2024-06-13.json')).toBe(1);
    expect(result.skipped).toContainEqual({ reason: 'outside time window', count: 1 });
  });

  it('imports only the chosen conversations', async () => {
    const { folder, reads } = buildExportFolder(
      base({ 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'a')], 'D0DM1/2024-06-12': [message(T1, 'U0BOB', 'b')] }, { dms: [{ id: 'D0DM1', members: [] }] }),
    );
    const result = await parseSlackExport({ kind: 'folder', folder }, { conversations: ['D0DM1'] });
    expect(result.events.map((e) => e.dedupeKey)).toEqual([`slack-export:D0DM1:${T1}`]);
    expect(reads.get('inc-77-db/2024-06-12.json')).toBeUndefined();
  });
});

describe('messages', () => {
  it('keeps ts as the id, with exact ms and a per-channel dedupe key', async () => {
    const result = await parse(base({ 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'declaring SEV2')] }));
    const event = byTs(result, T1);
    expect(event.dedupeKey).toBe(`slack-export:C0INC:${T1}`);
    expect(event.at).toBe(Date.parse('2024-06-12T23:50:00.120Z'));
    expect(event.channel).toBe('#inc-77-db');
    expect(event.actorName).toBe('alice');
  });

  it('links threads across day files and counts replies', async () => {
    const root = tsAt('2024-06-12T23:50:00Z', 1);
    const reply1 = tsAt('2024-06-12T23:55:00Z', 2);
    const reply2 = tsAt('2024-06-13T00:10:00Z', 3);
    const result = await parse(
      base({
        'inc-77-db/2024-06-12': [message(root, 'U0ALICE', 'root', { thread_ts: root }), message(reply1, 'U0BOB', 'r1', { thread_ts: root })],
        'inc-77-db/2024-06-13': [message(reply2, 'U0BOB', 'r2', { thread_ts: root })],
      }),
    );
    expect(byTs(result, root)).toMatchObject({ threadParentKey: null, replyCount: 2 });
    expect(byTs(result, reply1).threadParentKey).toBe(`slack-export:C0INC:${root}`);
    expect(byTs(result, reply2).threadParentKey).toBe(`slack-export:C0INC:${root}`);
  });

  it('trusts the parent reply_count when replies lie outside the window', async () => {
    const root = tsAt('2024-06-12T23:50:00Z');
    const result = await parse(base({ 'inc-77-db/2024-06-12': [message(root, 'U0ALICE', 'root', { thread_ts: root, reply_count: 5 })] }));
    expect(byTs(result, root).replyCount).toBe(5);
  });

  it('counts a thread_broadcast once', async () => {
    const root = tsAt('2024-06-12T23:50:00Z');
    const reply = tsAt('2024-06-12T23:52:00Z');
    const broadcast = message(reply, 'U0ALICE', 'rolling back', { subtype: 'thread_broadcast', thread_ts: root, root: { ts: root } });
    const result = await parse(
      base({
        'inc-77-db/2024-06-12': [message(root, 'U0ALICE', 'root', { thread_ts: root }), message(reply, 'U0ALICE', 'rolling back', { thread_ts: root })],
        'inc-77-db/2024-06-13': [broadcast],
      }),
    );
    expect(result.events.filter((e) => e.originalTime === reply)).toHaveLength(1);
    expect(byTs(result, root).replyCount).toBe(1);
    expect(result.skipped).toContainEqual({ reason: 'same ts seen twice (thread_broadcast copy)', count: 1 });
  });

  it('marks a thread_broadcast reply as also sent to the channel, and only that one', async () => {
    const root = tsAt('2024-06-12T23:50:00Z');
    const reply = tsAt('2024-06-12T23:51:00Z');
    const broadcast = tsAt('2024-06-12T23:52:00Z');
    const result = await parse(
      base({
        'inc-77-db/2024-06-12': [
          message(root, 'U0ALICE', 'root', { thread_ts: root }),
          message(reply, 'U0BOB', 'quiet reply', { thread_ts: root }),
          message(broadcast, 'U0ALICE', 'rolling back now', { subtype: 'thread_broadcast', thread_ts: root, root: { ts: root } }),
        ],
      }),
    );
    expect(byTs(result, broadcast)).toMatchObject({ alsoInChannel: true, threadParentKey: `slack-export:C0INC:${root}` });
    expect(byTs(result, reply).alsoInChannel).toBeUndefined();
    expect(byTs(result, root).alsoInChannel).toBeUndefined();
  });

  it('names bots from bot_add messages and bot profiles, never by their raw id', async () => {
    const T2 = tsAt('2024-06-12T23:51:00Z');
    const T3 = tsAt('2024-06-12T23:52:00Z');
    const T4 = tsAt('2024-06-12T23:53:00Z');
    const result = await parse(
      base({
        'inc-77-db/2024-06-12': [
          {
            type: 'message',
            subtype: 'bot_add',
            user: 'U0ALICE',
            bot_id: 'B0DEPLOY',
            bot_link: '<https://acme.slack.com/services/B0DEPLOY|deploy-bot &amp; co>',
            text: 'added an integration to this channel: <https://acme.slack.com/services/B0DEPLOY|deploy-bot &amp; co>',
            ts: T1,
          },
          { type: 'message', subtype: 'bot_message', bot_id: 'B0DEPLOY', text: 'payments-api config 2024.06.12-1 rolled out', ts: T2 },
          // An app posting as its own bot user, which users.json does not list.
          { type: 'message', user: 'U0APPBOT', bot_id: 'B0ALERTS', bot_profile: { name: 'Alertmanager' }, text: 'CheckoutErrorRate firing', ts: T3 },
          { type: 'message', subtype: 'bot_message', bot_id: 'B0MYSTERY', text: 'who am I', ts: T4 },
        ],
      }),
    );
    expect(byTs(result, T1)).toMatchObject({ kind: 'system', actorName: 'alice' });
    expect(byTs(result, T2)).toMatchObject({ actorName: 'deploy-bot & co', actorExternalId: 'B0DEPLOY' });
    expect(byTs(result, T3)).toMatchObject({ actorName: 'Alertmanager', actorExternalId: 'B0ALERTS' });
    expect(byTs(result, T4).actorName).toBe('Unnamed integration');
    expect(result.actors.filter((a) => a.bot).map((a) => a.name).sort()).toEqual(['Alertmanager', 'Unnamed integration', 'deploy-bot & co']);
    expect(result.events.map((e) => e.actorName).join(' ')).not.toMatch(/\bB0[A-Z]+\b|U0APPBOT/);
  });

  it('keeps a tombstoned parent with its replies, flagged deleted', async () => {
    const root = tsAt('2024-06-13T00:02:00Z');
    const reply = tsAt('2024-06-13T00:03:00Z');
    const result = await parse(
      base({
        'inc-77-db/2024-06-13': [
          { type: 'message', subtype: 'tombstone', user: 'USLACKBOT', hidden: true, text: 'This message was deleted.', ts: root, thread_ts: root, reply_count: 1 },
          message(reply, 'U0BOB', 'is the DB fine?', { thread_ts: root, parent_user_id: 'USLACKBOT' }),
        ],
      }),
    );
    expect(byTs(result, root)).toMatchObject({ deleted: true, replyCount: 1, actorName: 'Slackbot' });
    expect(byTs(result, reply)).toMatchObject({ deleted: false, threadParentKey: `slack-export:C0INC:${root}` });
  });

  it('turns bot messages and legacy attachments into readable text', async () => {
    const result = await parse(
      base({
        'inc-77-db/2024-06-12': [
          {
            type: 'message',
            subtype: 'bot_message',
            bot_id: 'B0PD',
            username: 'PagerDuty',
            text: '',
            ts: T1,
            attachments: [
              {
                fallback: 'Triggered #77',
                title: '#77 db latency &gt; 2s',
                title_link: 'https://pd.example/incidents/77',
                text: 'Service: db',
                fields: [{ title: 'Urgency', value: 'high' }, { title: 'Count', value: 3 }],
              },
              { fallback: 'only a fallback' },
            ],
          },
        ],
      }),
    );
    const event = byTs(result, T1);
    expect(event.text).toBe('#77 db latency > 2s\nService: db\nUrgency: high\nCount: 3\nonly a fallback');
    expect(event.links).toEqual([{ url: 'https://pd.example/incidents/77', label: '#77 db latency > 2s' }]);
    expect(event.actorName).toBe('PagerDuty');
    expect(result.actors.find((a) => a.externalId === 'B0PD')).toMatchObject({ bot: true, name: 'PagerDuty' });
  });

  it('lists shared files by name and link, skipping files the export lacks', async () => {
    const result = await parse(
      base({
        'inc-77-db/2024-06-12': [
          message(T1, 'U0BOB', '', {
            subtype: 'file_share',
            files: [
              { id: 'F1', name: 'graph.png', mode: 'hosted', permalink: 'https://acme.slack.com/files/U0BOB/F1/graph.png' },
              { id: 'F2', mode: 'tombstone' },
              { id: 'F3', mode: 'hidden_by_limit' },
            ],
          }),
        ],
      }),
    );
    const event = byTs(result, T1);
    expect(event.attachments).toEqual([{ name: 'graph.png', url: 'https://acme.slack.com/files/U0BOB/F1/graph.png' }]);
    expect(event.text).toBe('Shared graph.png');
    expect(result.skipped).toContainEqual({ reason: 'file not in export (tombstone or hidden_by_limit)', count: 2 });
  });

  it('flags edits and folds skin-tone reactions', async () => {
    const result = await parse(
      base({
        'inc-77-db/2024-06-12': [
          message(T1, 'U0ALICE', 'edited', {
            edited: { user: 'U0ALICE', ts: '1718236300.000000' },
            reactions: [
              { name: '+1', users: ['U0BOB'], count: 1 },
              { name: '+1::skin-tone-3', users: ['U0ALICE'], count: 1 },
              { name: '+1::skin-tone-5', count: 2 },
              { name: 'eyes', users: ['U0BOB'], count: 1 },
            ],
          }),
        ],
      }),
    );
    const event = byTs(result, T1);
    expect(event.edited).toBe(true);
    expect(event.reactions).toEqual([
      { name: '+1', count: 4 },
      { name: 'eyes', count: 1 },
    ]);
  });

  it('keeps joins and topic changes as system events', async () => {
    const join = tsAt('2024-06-12T23:49:00Z');
    const topic = tsAt('2024-06-12T23:59:00Z');
    const result = await parse(
      base({
        'inc-77-db/2024-06-12': [
          message(join, 'U0BOB', '<@U0BOB> has joined the channel', { subtype: 'channel_join' }),
          message(topic, 'U0ALICE', '<@U0ALICE> set the channel topic: SEV2 | IC: <@U0ALICE>', { subtype: 'channel_topic' }),
          message(T1, 'U0ALICE', 'x', { subtype: 'message_changed', hidden: true }),
        ],
      }),
    );
    expect(byTs(result, join)).toMatchObject({ kind: 'system', text: '@Bob Kim has joined the channel', actorExternalId: 'U0BOB' });
    expect(byTs(result, topic)).toMatchObject({ kind: 'system', text: '@alice set the channel topic: SEV2 | IC: @alice' });
    expect(result.events).toHaveLength(2);
    expect(result.skipped).toContainEqual({ reason: 'edit/delete notice (message_changed, message_deleted, message_replied)', count: 1 });
  });

  it('prefers rich_text blocks over text, keeping user-group names from the text', async () => {
    const result = await parse(
      base({
        'inc-77-db/2024-06-12': [
          message(T1, 'U0ALICE', 'old *text* <!subteam^S01|@db-oncall>', {
            blocks: [
              {
                type: 'rich_text',
                elements: [
                  {
                    type: 'rich_text_section',
                    elements: [
                      { type: 'broadcast', range: 'here' },
                      { type: 'text', text: ' SEV2 ', style: { bold: true } },
                      { type: 'link', url: 'https://grafana.example/d/1', text: 'dash' },
                      { type: 'text', text: ' ' },
                      { type: 'user', user_id: 'U0BOB' },
                      { type: 'text', text: ' ' },
                      { type: 'usergroup', usergroup_id: 'S01' },
                      { type: 'emoji', name: 'fire' },
                    ],
                  },
                  { type: 'rich_text_list', style: 'bullet', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'step one' }] }] },
                  { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'kubectl get pods' }] },
                ],
              },
            ],
          }),
        ],
      }),
    );
    const event = byTs(result, T1);
    // Styles come back as the markers they were typed with, for the one chat-text parser.
    expect(event.text).toBe('@here *SEV2* dash @Bob Kim @db-oncall:fire:\n- step one\n```\nkubectl get pods\n```');
    expect(event.links).toEqual([{ url: 'https://grafana.example/d/1', label: 'dash' }]);
    expect(event.mentions).toEqual(['Bob Kim']);
  });

  it('falls back to text when blocks are not rich text', async () => {
    const result = await parse(base({ 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'plain &amp; simple', { blocks: [{ type: 'section' }, 42] })] }));
    expect(byTs(result, T1).text).toBe('plain & simple');
  });

  it('keeps messages of deleted, foreign and unknown users by id', async () => {
    const carol = user('W0CAROL', 'carol', { deleted: true });
    const t2 = tsAt('2024-06-12T23:51:00Z');
    const t3 = tsAt('2024-06-12T23:52:00Z');
    const result = await parse(
      base(
        {
          'inc-77-db/2024-06-12': [
            message(T1, 'W0CAROL', 'from a deleted user'),
            message(t2, 'U0FOREIGN', 'from another workspace', { user_profile: { display_name: 'dee', real_name: 'Dee Partner' } }),
            message(t3, 'U0GHOST', 'from nobody we know'),
          ],
        },
        { users: [ALICE, BOB, carol] },
      ),
    );
    expect(result.events).toHaveLength(3);
    const actors = Object.fromEntries(result.actors.map((a) => [a.externalId, [a.name, a.unknown]]));
    expect(actors).toEqual({ W0CAROL: ['carol', false], U0FOREIGN: ['dee', true], U0GHOST: ['U0GHOST', true] });
    expect(byTs(result, t3).actorExternalId).toBe('U0GHOST');
  });

  it('resolves names display_name → profile.real_name → real_name → name', async () => {
    const users = [
      { id: 'U1', name: 'n1', real_name: 'R1', profile: { display_name: 'D1', real_name: 'P1' } },
      { id: 'U2', name: 'n2', real_name: 'R2', profile: { display_name: '', real_name: 'P2' } },
      { id: 'U3', name: 'n3', real_name: 'R3', profile: {} },
      { id: 'U4', name: 'n4' },
    ];
    const result = await parse(
      base({ 'inc-77-db/2024-06-12': ['U1', 'U2', 'U3', 'U4'].map((id, i) => message(tsAt('2024-06-12T10:00:00Z', i), id, 'x')) }, { users }),
    );
    expect(result.events.map((e) => e.actorName)).toEqual(['D1', 'P2', 'R3', 'n4']);
  });

  it('replaces invalid UTF-8 and warns naming the entry', async () => {
    const json = new TextEncoder().encode(JSON.stringify([message(T1, 'U0ALICE', 'caf__')]));
    const at = json.indexOf(0x5f);
    json[at] = 0xff;
    const result = await parse(base({ 'inc-77-db/2024-06-12': json }));
    expect(byTs(result, T1).text).toBe('caf\uFFFD_');
    expect(result.warnings).toContainEqual(expect.objectContaining({ entry: 'inc-77-db/2024-06-12.json' }));
  });

  it('imports without users.json, showing people by id and saying so', async () => {
    const result = await parse({ channels: [INC], days: { 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'hi')] } });
    expect(byTs(result, T1).actorName).toBe('U0ALICE');
    expect(result.actors).toEqual([expect.objectContaining({ externalId: 'U0ALICE', unknown: true })]);
    expect(result.warnings.map((w) => w.message)).toContain('users.json is missing: people are shown by their Slack id');
  });

  it('reports progress and stops when cancelled', async () => {
    const description = base({
      'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'a')],
      'inc-77-db/2024-06-13': [message(tsAt('2024-06-13T10:00:00Z'), 'U0ALICE', 'b')],
    });
    const progress: number[] = [];
    await parseSlackExport(folderInput(description), {}, { onProgress: (p) => progress.push(p.filesDone) });
    expect(progress.at(-1)).toBe(2);
    const signal = { aborted: false };
    const run = parseSlackExport(folderInput(description), {}, { signal, onProgress: () => (signal.aborted = true) });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('says it is reading before the first day file is read, and reports while converting a long conversation', async () => {
    const day = Array.from({ length: 2500 }, (_, i) => message(tsAt('2024-06-12T10:00:00Z', i), 'U0ALICE', `m${i}`));
    const reports: { filesDone: number; events: number }[] = [];
    await parseSlackExport(folderInput(base({ 'inc-77-db/2024-06-12': day })), {}, { onProgress: ({ filesDone, events }) => reports.push({ filesDone, events }) });
    expect(reports[0]).toEqual({ filesDone: 0, events: 0 });
    // The one day file is read before any message is converted: the event count moves in between.
    expect(reports.filter((r) => r.filesDone === 1 && r.events > 0 && r.events < 2500).length).toBeGreaterThanOrEqual(2);
    expect(reports.at(-1)).toEqual({ filesDone: 1, events: 2500 });
  });

  it('reads the same export from a zip', async () => {
    const zip = buildExportZip(base({ 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'from zip')] }));
    const result = await parseSlackExport({ kind: 'file', source: bytesSource('export.zip', zip) });
    expect(result.events.map((e) => e.text)).toEqual(['from zip']);
  });
});

describe('bad input', () => {
  async function failure(description: ExportDescription, options = {}): Promise<ImportError> {
    const error = await parse(description, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }

  it('names the day file that is not an array', async () => {
    const error = await failure(base({ 'inc-77-db/2024-06-12': { messages: [] } }));
    expect(error.code).toBe('WRONG_SHAPE');
    expect(error.location).toMatchObject({ file: 'slack-export', entry: 'inc-77-db/2024-06-12.json' });
  });

  it('names the field of a malformed message', async () => {
    const error = await failure(base({ 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'ok'), { type: 'message', text: 'no ts' }] }));
    expect(error.code).toBe('WRONG_SHAPE');
    expect(error.location.field).toBe('[1].ts');
  });

  it('names users.json and the field when it has the wrong shape', async () => {
    const error = await failure(base({}, { users: [ALICE, { name: 'no id' }] }));
    expect(error.code).toBe('WRONG_SHAPE');
    expect(error.location).toMatchObject({ entry: 'users.json', field: '[1].id' });
  });

  it('names the line of broken JSON', async () => {
    const error = await failure(base({ 'inc-77-db/2024-06-12': '[\n{"ts": "1.0",\n"text": }\n]' }));
    expect(error.code).toBe('INVALID_JSON');
    expect(error.location).toMatchObject({ entry: 'inc-77-db/2024-06-12.json', line: 3 });
  });

  it('enforces the JSON depth cap', async () => {
    const deep = '['.repeat(100) + ']'.repeat(100);
    const error = await failure(base({ 'inc-77-db/2024-06-12': deep }));
    expect(error.code).toBe('LIMIT_EXCEEDED');
  });

  it('enforces the message size cap', async () => {
    const error = await failure(base({ 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'x'.repeat(5000))] }), { limits: { maxTextLength: 1000 } });
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.location).toMatchObject({ entry: 'inc-77-db/2024-06-12.json', field: '[0].text' });
  });

  it('caps the bytes read across the whole export', async () => {
    const days = { 'inc-77-db/2024-06-12': [message(T1, 'U0ALICE', 'a'.repeat(400))], 'inc-77-db/2024-06-13': [message(tsAt('2024-06-13T01:00:00Z'), 'U0ALICE', 'b'.repeat(400))] };
    const error = await failure(base(days), { limits: { maxTotalBytes: 1200 } });
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.location.entry).toBe('inc-77-db/2024-06-13.json');
  });

  it('refuses a folder that is not a Slack export', async () => {
    const error = await failure({ extra: { 'readme.txt': 'hello' } });
    expect(error.code).toBe('UNKNOWN_FORMAT');
  });
});
