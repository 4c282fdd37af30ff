import { z } from 'zod';
import { ITEM_ID_PATTERN, TEAM_ID_PATTERN } from '@protocol/doc-names';
import { SyncError } from './sync-error';

/** What a teammate needs to join a shared incident: where, which team, which incident. Never the token. */
export interface Invite {
  server: string;
  team: string;
  incidentId: string;
  title: string;
}

const PREFIX = 'debrief-invite:';

const inviteSchema = z.object({
  v: z.literal(1),
  server: z.string().min(1).max(500),
  team: z.string().regex(TEAM_ID_PATTERN),
  incident: z.string().regex(ITEM_ID_PATTERN),
  title: z.string().max(500).catch(''),
});

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeInvite(invite: Invite): string {
  return PREFIX + toBase64Url(JSON.stringify({ v: 1, server: invite.server, team: invite.team, incident: invite.incidentId, title: invite.title }));
}

/** Reads a pasted invite (the code alone, or a message or link that contains it). */
export function decodeInvite(text: string): Invite {
  const match = /debrief-invite:([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) {
    throw new SyncError('INVALID_INVITE', 'Paste the whole invite: it starts with "debrief-invite:". Ask the teammate who shared the incident for it (Share… → Copy invite).', 'invite');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(match[1]));
  } catch {
    throw new SyncError('INVALID_INVITE', 'This invite is cut short or damaged; copy it again.', 'invite');
  }
  const result = inviteSchema.safeParse(parsed);
  if (!result.success) throw new SyncError('INVALID_INVITE', 'This invite is not one Debrief made; copy it again from Share… → Copy invite.', 'invite');
  return { server: result.data.server, team: result.data.team, incidentId: result.data.incident, title: result.data.title };
}
