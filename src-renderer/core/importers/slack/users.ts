import type { ActorRef } from '../imported-records';
import { decodeSlackEntities } from './mrkdwn';
import type { SlackMessage, SlackUser } from './slack-schemas';

const SLACKBOT_ID = 'USLACKBOT';
/** The label of a `<https://….slack.com/services/B01|deploy-bot>` link. */
const BOT_LINK_LABEL = /<[^<>|]*\/services\/[^<>|]*\|([^<>]+)>/;

/** display_name → profile.real_name → real_name → name: the order Slack itself shows people. */
export function slackUserName(user: SlackUser): string {
  const candidates = [user.profile?.display_name, user.profile?.real_name, user.real_name, user.name];
  return candidates.find((name): name is string => typeof name === 'string' && name.trim() !== '') ?? user.id;
}

/**
 * People of one export. Ids missing from users.json (deleted accounts that Slack dropped, people
 * from another workspace in a shared channel, bots) are kept by id with `unknown: true`, named
 * from the message's own `user_profile` when it has one, so their messages are never lost.
 * A user listed with `deleted: true` keeps the name the list gives: the list still knows them.
 */
export class UserDirectory {
  private readonly byId = new Map<string, SlackUser>();
  private readonly byBotId = new Map<string, SlackUser>();
  /** Bot names learnt from `bot_add`-style messages ("added an integration to this channel: <…/services/B01|deploy-bot>"). */
  private readonly learntBots = new Map<string, string>();

  constructor(users: readonly SlackUser[]) {
    for (const user of users) {
      this.byId.set(user.id, user);
      const botId = user.profile?.bot_id;
      if (botId) this.byBotId.set(botId, user);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Name for mentions; an unknown id is shown as the id. */
  displayName(id: string): string {
    const user = this.byId.get(id);
    if (user) return slackUserName(user);
    return id === SLACKBOT_ID ? 'Slackbot' : id;
  }

  listed(): ActorRef[] {
    return [...this.byId.values()].map((user) => this.knownActor(user));
  }

  /**
   * Remembers the names integrations were added under (`bot_add`, `bot_remove`, `bot_enable`,
   * `bot_disable` carry the bot's id and a link labelled with its name), for bot posts that
   * name neither themselves nor a listed bot user. Call before converting the messages.
   */
  learnBots(messages: readonly SlackMessage[]): void {
    for (const message of messages) {
      if (!message.bot_id || !/^bot_(add|remove|enable|disable)$/.test(message.subtype ?? '')) continue;
      const link = (message as { bot_link?: unknown }).bot_link;
      const candidates = [typeof link === 'string' ? link : '', message.text ?? ''];
      for (const candidate of candidates) {
        const label = BOT_LINK_LABEL.exec(candidate)?.[1];
        const name = label === undefined ? '' : decodeSlackEntities(label).trim();
        if (name) {
          this.learntBots.set(message.bot_id, name);
          break;
        }
      }
    }
  }

  /** The author of a message: a person, a bot, or null when the record names nobody. */
  author(message: SlackMessage): ActorRef | null {
    // An old-style file comment has no `user`: its author is the comment's.
    const commenter = message.subtype === 'file_comment' ? message.comment?.user : null;
    const isBotMessage = message.subtype === 'bot_message' || (!message.user && !commenter && (message.bot_id || message.username));
    if (isBotMessage) return this.botActor(message);
    const userId = message.user ?? commenter;
    if (!userId) return null;
    const user = this.byId.get(userId);
    if (user) return this.knownActor(user);
    if (userId === SLACKBOT_ID) return actor(SLACKBOT_ID, 'Slackbot', null, false, true);
    // An app posting as its own (unlisted) bot user: the message names the bot.
    if (message.bot_id || message.bot_profile?.name) return this.botActor(message);
    const profile = message.user_profile;
    const hinted = [profile?.display_name, profile?.real_name, profile?.name].find(
      (name): name is string => typeof name === 'string' && name.trim() !== '',
    );
    return actor(userId, hinted ?? userId, null, true, false);
  }

  private botActor(message: SlackMessage): ActorRef {
    const listed = message.bot_id ? this.byBotId.get(message.bot_id) : undefined;
    const learnt = message.bot_id ? this.learntBots.get(message.bot_id) : undefined;
    // Never the raw bot id: a name from the post, the users list or a bot_add, else a plain label.
    const name = message.username || message.bot_profile?.name || (listed ? slackUserName(listed) : null) || learnt || 'Unnamed integration';
    const externalId = message.bot_id ?? `bot:${name}`;
    return actor(externalId, name, null, listed === undefined, true);
  }

  private knownActor(user: SlackUser): ActorRef {
    const name = slackUserName(user);
    const others = [user.profile?.real_name, user.real_name, user.name].filter((n): n is string => typeof n === 'string' && n.trim() !== '' && n !== name);
    const ref = actor(user.id, name, user.profile?.email ?? null, false, user.is_bot === true);
    return others.length ? { ...ref, otherNames: [...new Set(others)] } : ref;
  }
}

function actor(externalId: string, name: string, email: string | null, unknown: boolean, bot: boolean): ActorRef {
  return { sourceFormat: 'slack-export', externalId, name, email, unknown, bot };
}
