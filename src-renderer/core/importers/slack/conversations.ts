import type { VirtualFolder } from '../byte-source';
import type { MentionNames } from './mrkdwn';
import { validateShape } from '../json-input';
import { readJsonEntry, type EntryContext } from './read-entry';
import { droppedEntriesWarning, findExportLayout, type DayFile, type ExportLayout, type TopLevelFile } from './export-layout';
import { withoutControlCharacters } from '../import-error';
import { slackChannelsSchema, slackDmsSchema, slackUsersSchema, type SlackUser } from './slack-schemas';
import { UserDirectory } from './users';
import type { z } from 'zod';

/** `unlisted`: a folder of day files that no top-level list mentions (kept, never dropped). */
export type SlackConversationKind = 'channel' | 'private-channel' | 'dm' | 'group-dm' | 'unlisted';

export interface SlackConversation {
  /** Slack id (C…, G…, D…) or, for an unlisted folder, the folder name. Part of every dedupeKey. */
  id: string;
  /** Folder name in the export: channel name, DM id or group-DM name. */
  folder: string;
  /** How the conversation is shown: `#name`, or the names of a DM's members. */
  label: string;
  kind: SlackConversationKind;
  memberIds: string[];
  dayFiles: DayFile[];
}

/** What the small top-level files say, with the layout they were found in. */
export interface SlackCatalog {
  layout: ExportLayout;
  users: UserDirectory;
  conversations: SlackConversation[];
}

/** Reads only users/channels/groups/dms/mpims lists: never a day file. */
export async function readCatalog(folder: VirtualFolder, context: EntryContext): Promise<SlackCatalog> {
  const layout = findExportLayout(folder);
  const dropped = droppedEntriesWarning(layout);
  if (dropped) context.warnings.push({ message: withoutControlCharacters(dropped.message) });
  const users = await readList(layout, 'users.json', slackUsersSchema, context)
    .then((list) => list ?? readList(layout, 'org_users.json', slackUsersSchema, context))
    .then((list): SlackUser[] => list ?? []);
  if (!layout.topLevel.has('users.json') && !layout.topLevel.has('org_users.json')) {
    context.warnings.push({ message: 'users.json is missing: people are shown by their Slack id' });
  }
  const directory = new UserDirectory(users);
  const channels = (await readList(layout, 'channels.json', slackChannelsSchema, context)) ?? [];
  const groups = (await readList(layout, 'groups.json', slackChannelsSchema, context)) ?? [];
  const mpims = (await readList(layout, 'mpims.json', slackChannelsSchema, context)) ?? [];
  const dms = (await readList(layout, 'dms.json', slackDmsSchema, context)) ?? [];

  const conversations: SlackConversation[] = [];
  const claimed = new Set<string>();
  const add = (id: string, folderName: string, label: string, kind: SlackConversationKind, members: readonly string[] | null | undefined) => {
    if (claimed.has(folderName)) return;
    claimed.add(folderName);
    conversations.push({ id, folder: folderName, label, kind, memberIds: [...(members ?? [])], dayFiles: layout.folders.get(folderName) ?? [] });
  };
  const memberNames = (members: readonly string[] | null | undefined) => (members ?? []).map((id) => directory.displayName(id)).join(', ');

  for (const channel of channels) add(channel.id, channel.name, '#' + channel.name, 'channel', channel.members);
  for (const group of groups) add(group.id, group.name, '#' + group.name, 'private-channel', group.members);
  for (const dm of dms) add(dm.id, dm.id, 'DM: ' + (memberNames(dm.members) || dm.id), 'dm', dm.members);
  for (const mpim of mpims) add(mpim.id, mpim.name, 'Group DM: ' + (memberNames(mpim.members) || mpim.name), 'group-dm', mpim.members);
  for (const folderName of layout.folders.keys()) add(folderName, folderName, folderName, 'unlisted', []);

  return { layout, users: directory, conversations };
}

/** Mention names backed by the catalog: channel ids resolve to their names. */
export function mentionNames(catalog: SlackCatalog): MentionNames {
  const channelNames = new Map<string, string>();
  for (const conversation of catalog.conversations) {
    if (conversation.kind === 'channel' || conversation.kind === 'private-channel') channelNames.set(conversation.id, conversation.folder);
  }
  return { user: (id) => catalog.users.displayName(id), channel: (id) => channelNames.get(id) ?? null };
}

async function readList<T>(layout: ExportLayout, name: TopLevelFile, schema: z.ZodType<T>, context: EntryContext): Promise<T | null> {
  const entry = layout.topLevel.get(name);
  if (!entry) return null;
  const value = await readJsonEntry(entry, context);
  return validateShape(schema, value, { file: context.file, entry: entry.path });
}
