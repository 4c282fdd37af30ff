import { z } from 'zod';

/**
 * Shapes of a Slack workspace export. Deliberately lenient: Slack adds fields every year and
 * third-party exporters (slackdump and friends) add their own, so unknown fields pass through
 * and most fields are optional. Only what the importer reads is typed; anything it reads is
 * checked here so the rest of the code can trust it.
 */

const optionalString = z.string().nullish();

const userProfileSchema = z.looseObject({
  display_name: optionalString,
  real_name: optionalString,
  email: optionalString,
  bot_id: optionalString,
});

export const slackUserSchema = z.looseObject({
  id: z.string(),
  name: optionalString,
  real_name: optionalString,
  deleted: z.boolean().nullish(),
  is_bot: z.boolean().nullish(),
  profile: userProfileSchema.nullish(),
});
export type SlackUser = z.infer<typeof slackUserSchema>;
export const slackUsersSchema = z.array(slackUserSchema);

const memberListSchema = z.array(z.string()).nullish();

export const slackChannelSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  members: memberListSchema,
});
export type SlackChannel = z.infer<typeof slackChannelSchema>;
export const slackChannelsSchema = z.array(slackChannelSchema);

export const slackDmSchema = z.looseObject({
  id: z.string(),
  members: memberListSchema,
});
export type SlackDm = z.infer<typeof slackDmSchema>;
export const slackDmsSchema = z.array(slackDmSchema);

const reactionSchema = z.looseObject({
  name: z.string(),
  users: z.array(z.string()).nullish(),
  count: z.number().int().nonnegative().nullish(),
});

const fileSchema = z.looseObject({
  id: optionalString,
  name: optionalString,
  title: optionalString,
  mode: optionalString,
  permalink: optionalString,
  url_private: optionalString,
});
export type SlackFile = z.infer<typeof fileSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean()]).nullish();

const attachmentSchema = z.looseObject({
  fallback: optionalString,
  pretext: optionalString,
  title: optionalString,
  title_link: optionalString,
  text: optionalString,
  fields: z.array(z.looseObject({ title: scalar, value: scalar })).nullish(),
});
export type SlackAttachment = z.infer<typeof attachmentSchema>;

const profileOnMessageSchema = z.looseObject({
  display_name: optionalString,
  real_name: optionalString,
  name: optionalString,
});

export const slackMessageSchema = z.looseObject({
  type: optionalString,
  subtype: optionalString,
  ts: z.string(),
  user: optionalString,
  bot_id: optionalString,
  username: optionalString,
  text: optionalString,
  thread_ts: optionalString,
  reply_count: z.number().int().nonnegative().nullish(),
  hidden: z.boolean().nullish(),
  edited: z.looseObject({ user: optionalString, ts: optionalString }).nullish(),
  reactions: z.array(reactionSchema).nullish(),
  files: z.array(fileSchema).nullish(),
  // Uploads before 2019 carry a single `file`; `file_comment` messages name their author in `comment`.
  file: fileSchema.nullish(),
  comment: z.looseObject({ user: optionalString, comment: optionalString }).nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  // Blocks are checked element by element in blocks.ts: a block we cannot read falls back to `text`.
  blocks: z.array(z.unknown()).nullish(),
  user_profile: profileOnMessageSchema.nullish(),
  bot_profile: z.looseObject({ name: optionalString }).nullish(),
});
export type SlackMessage = z.infer<typeof slackMessageSchema>;

interface RichTextElementShape {
  type: string;
  text?: string | null;
  url?: string | null;
  user_id?: string | null;
  channel_id?: string | null;
  usergroup_id?: string | null;
  range?: string | null;
  name?: string | null;
  fallback?: string | null;
  value?: string | null;
  style?: string | Record<string, unknown> | null;
  elements?: RichTextElementShape[] | null;
}

export const richTextElementSchema: z.ZodType<RichTextElementShape> = z.looseObject({
  type: z.string(),
  text: optionalString,
  url: optionalString,
  user_id: optionalString,
  channel_id: optionalString,
  usergroup_id: optionalString,
  range: optionalString,
  name: optionalString,
  fallback: optionalString,
  value: optionalString,
  style: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  get elements() {
    return z.array(richTextElementSchema).nullish();
  },
});
export type RichTextElement = RichTextElementShape;
