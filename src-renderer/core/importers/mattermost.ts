/**
 * Mattermost bulk export (`mmctl export create`, JSON Lines; the ZIP it comes in or the bare
 * `.jsonl`): a `{"type":"version"}` line, then `team`, `channel`, `user`, `post`,
 * `direct_channel` and `direct_post` lines. A post names its author by username, its time as
 * `create_at` (epoch ms) and carries its thread inline as `replies[]`; `reactions[]` name the
 * emoji. Posts have no id in this format, so an event's id is a hash of channel, author, time and
 * text (plus an occurrence count for exact repeats): re-importing the same export adds nothing.
 */
import { z } from 'zod';
import type { EventAttachment, EventKind, EventReaction } from '../model/event';
import type { ImportInput } from './byte-source';
import { ResultCollector } from './event-builder';
import { ImportError } from './import-error';
import type { ParseResult } from './imported-records';
import { type BaseImportOptions, checkpoint, type Importer, type ImportHooks, inputName, previewOf, throwIfAborted } from './importer';
import { inputFiles, readTextFile, sniffText, type InputFile } from './input-files';
import { isJsonObject, parseJsonText, validateShape } from './json-input';
import { resolveLimits } from './limits';
import { stableHash } from './stable-hash';
import { parseTimestamp } from './timestamps';

const text = z.string().nullish();
const reactionSchema = z.looseObject({ user: text, emoji_name: z.string() });
const attachmentSchema = z.looseObject({ path: z.string() });
const replySchema = z.looseObject({
  user: z.string(),
  message: text,
  type: text,
  create_at: z.number(),
  edit_at: z.number().nullish(),
  reactions: z.array(reactionSchema).nullish(),
  attachments: z.array(attachmentSchema).nullish(),
});
const postSchema = replySchema.extend({ team: text, channel: text, channel_members: z.array(z.string()).nullish(), replies: z.array(replySchema).nullish() });
const userSchema = z.looseObject({ username: z.string(), email: text, first_name: text, last_name: text, nickname: text });

type Reply = z.output<typeof replySchema>;

/** Mattermost's own system posts (`system_join_channel`, `system_header_change`, …). */
function kindOf(type: string | null | undefined): EventKind {
  return type && type.startsWith('system_') ? 'system' : 'message';
}

function foldReactions(reactions: Reply['reactions']): EventReaction[] {
  const counts = new Map<string, number>();
  for (const reaction of reactions ?? []) counts.set(reaction.emoji_name, (counts.get(reaction.emoji_name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

function attachmentsOf(reply: Reply): EventAttachment[] {
  return (reply.attachments ?? []).map((attachment) => ({ name: attachment.path.split('/').pop() || attachment.path, url: null }));
}

/** The files of the input holding Mattermost lines: a bare `.jsonl`, or the `.jsonl` inside the export's ZIP. */
function exportFiles(input: ImportInput): InputFile[] {
  const files = inputFiles(input);
  if (input.kind === 'file') return files;
  return files.filter((file) => /\.jsonl$/i.test(file.label) && !file.label.includes('/data/'));
}

async function parseMattermost(input: ImportInput, options: BaseImportOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('mattermost', limits);
  const names = new Map<string, { name: string; email: string | null }>();
  const seen = new Map<string, number>();
  let sawVersion = false;
  let posts = 0;

  const actor = (username: string) => {
    const known = names.get(username);
    collector.addActor(username, known?.name ?? username, known?.email ?? null);
    return known?.name ?? username;
  };
  const idFor = (channel: string, record: Reply) => {
    const signature = `${channel}\u0000${record.user}\u0000${record.create_at}\u0000${record.message ?? ''}`;
    const occurrence = (seen.get(signature) ?? 0) + 1;
    seen.set(signature, occurrence);
    return stableHash(`${signature}\u0000${occurrence}`);
  };

  for (const file of exportFiles(input)) {
    throwIfAborted(hooks.signal, file.where);
    const { text: body, warnings } = await readTextFile(file, limits);
    warnings.forEach((warning) => collector.warn(warning));
    const lines = body.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (i % 2000 === 0) await checkpoint(hooks.signal, file.where);
      const raw = (i === 0 ? lines[i]?.replace(/^\ufeff/, '') : lines[i]) ?? '';
      if (raw.trim() === '') continue;
      const where = { ...file.where, line: i + 1 };
      const value = parseJsonText(raw, where, limits);
      if (!isJsonObject(value) || typeof value.type !== 'string') {
        throw new ImportError('WRONG_SHAPE', 'expected a Mattermost bulk export line (an object with a "type")', { ...where, field: 'type' });
      }
      const type = value.type;
      if (type === 'version') sawVersion = true;
      else if (type === 'user') {
        const user = validateShape(userSchema, value.user, where, 'user');
        const full = [user.first_name, user.last_name].filter(Boolean).join(' ');
        names.set(user.username, { name: user.nickname || full || user.username, email: user.email ?? null });
      } else if (type === 'post' || type === 'direct_post') {
        posts++;
        const post = validateShape(postSchema, value[type], where, type);
        // Channels by their name, as Mattermost shows them (~inc-311); direct messages by their members.
        const channel = type === 'post' ? post.channel ?? '' : (post.channel_members ?? []).join(', ');
        const channelKey = type === 'post' ? `${post.team ?? ''}/${post.channel ?? ''}` : `dm/${[...(post.channel_members ?? [])].sort().join(',')}`;
        const add = (record: Reply, field: string, parentKey: string | null, replyCount: number) => {
          const time = parseTimestamp(record.create_at, { ...where, field: `${field}.create_at` }, { epoch: 'milliseconds' });
          const originalId = idFor(channelKey, record);
          collector.addEvent(
            {
              kind: kindOf(record.type),
              originalId,
              at: time.at,
              originalTime: time.original,
              text: record.message ?? '',
              actorExternalId: record.user,
              actorName: actor(record.user),
              channel,
              threadParentKey: parentKey,
              replyCount,
              edited: !!record.edit_at,
              reactions: foldReactions(record.reactions),
              attachments: attachmentsOf(record),
              raw: record,
            },
            { ...where, field },
          );
          return `mattermost:${originalId}`;
        };
        const parentKey = add(post, type, null, post.replies?.length ?? 0);
        (post.replies ?? []).forEach((reply, index) => add(reply, `${type}.replies[${index}]`, parentKey, 0));
      } else if (!sawVersion && posts === 0 && i === 0) {
        throw new ImportError('WRONG_SHAPE', `expected a Mattermost bulk export, whose first line is {"type": "version"}, not a "${type.slice(0, 40)}" line`, { ...where, field: 'type' });
      } else {
        collector.skip(`${type.slice(0, 40)} line`);
      }
    }
  }
  if (collector.eventCount === 0) {
    throw new ImportError('EMPTY', sawVersion ? 'the Mattermost export holds no posts' : 'no Mattermost bulk export lines found', { file: inputName(input) });
  }
  return collector.result();
}

async function detectMattermost(input: ImportInput): Promise<number> {
  let best = 0;
  for (const file of exportFiles(input).slice(0, 10)) {
    try {
      const head = (await sniffText(file, 16 * 1024)).replace(/^\ufeff/, '').trimStart();
      const first = head.split('\n', 1)[0] ?? '';
      if (!/^\{\s*"type"\s*:\s*"version"/.test(first) && !/"type"\s*:\s*"version"/.test(first)) continue;
      best = Math.max(best, /"type"\s*:\s*"(?:post|direct_post|channel|team|user)"/.test(head) ? 0.95 : 0.6);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
  return best;
}

export const mattermostImporter: Importer = {
  id: 'mattermost',
  label: 'Mattermost bulk export (JSONL)',
  detect: detectMattermost,
  preview: (input: ImportInput, options: BaseImportOptions) => previewOf('mattermost', parseMattermost(input, options)),
  parse: parseMattermost,
};
