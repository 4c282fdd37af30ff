import { discordChannelKey } from './discord';
import { githubDeploymentsRepositoryKey } from './github-deployments';
import { isPagerDutyRecordPart } from './pagerduty-log';
import { teamsConversationKey } from './teams';

/** Bytes of a file's start that `relatedRecordKey` needs to see. */
export const RELATED_HEAD_BYTES = 64 * 1024;

/**
 * Files exported separately that together make one record share a key here, judged from each
 * file's first bytes, so that the import treats them as one source whether they were picked as a
 * folder or one by one: a PagerDuty incident's log entries, notes, incident object and webhooks;
 * a DiscordChatExporter channel's partition pages; a Teams conversation's Graph pages (and its
 * replies); a GitHub repository's deployments, statuses and webhooks. Null for a file that stands alone.
 */
export function relatedRecordKey(head: string): string | null {
  if (isPagerDutyRecordPart(head)) return 'pagerduty';
  const discord = discordChannelKey(head);
  if (discord !== null) return `discord:${discord}`;
  const teams = teamsConversationKey(head);
  if (teams !== null) return `teams:${teams}`;
  const github = githubDeploymentsRepositoryKey(head);
  if (github !== null) return `github-deployments:${github}`;
  return null;
}
