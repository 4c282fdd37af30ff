/**
 * The names of the documents a Debrief client opens on the team sync server.
 *
 * This module is the contract between the desktop app's sync client and the server: both build
 * and parse names only through it. Pure TypeScript, no Node or DOM APIs, so the renderer can
 * import it as it is.
 *
 * One team is one namespace; every name starts with the team's id, and a token only opens names
 * of its own team. One shared incident is one document, with sub-documents under it:
 *
 *   <team>/team                                              team-wide settings (SLA policy, shared-incident index)
 *   <team>/incident/<incidentId>                             the incident: facts, roles, milestones, action items…
 *   <team>/incident/<incidentId>/events                      imported events (compact binary blocks per source)
 *   <team>/incident/<incidentId>/meeting                     the shared review meeting (agenda position, hands, notes)
 *   <team>/incident/<incidentId>/doc/<documentId>            one postmortem document (co-edited with @lexical/yjs)
 *   <team>/incident/<incidentId>/annotations                 the text of every annotation (one Y.XmlText each, co-edited with @lexical/yjs)
 */

/** A team id: lower-case letters, digits and dashes, 1–63 characters, starting with a letter or digit. */
export const TEAM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** An incident or document id: letters, digits, `_` and `-`, 1–64 characters (UUIDs fit). */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export type SyncDocRef =
  | { kind: 'team'; team: string }
  | { kind: 'incident'; team: string; incidentId: string }
  | { kind: 'events'; team: string; incidentId: string }
  | { kind: 'meeting'; team: string; incidentId: string }
  | { kind: 'annotations'; team: string; incidentId: string }
  | { kind: 'document'; team: string; incidentId: string; documentId: string };

export type SyncDocKind = SyncDocRef['kind'];

/** The roles a token grants: editors read and write, viewers only read. */
export const SYNC_ROLES = ['editor', 'viewer'] as const;
export type SyncRole = (typeof SYNC_ROLES)[number];

/** Builds the document name for `ref`; throws a RangeError naming the bad id. */
export function syncDocName(ref: SyncDocRef): string {
  checkId('team', ref.team, TEAM_ID_PATTERN);
  if (ref.kind === 'team') return `${ref.team}/team`;
  checkId('incidentId', ref.incidentId, ITEM_ID_PATTERN);
  const incident = `${ref.team}/incident/${ref.incidentId}`;
  switch (ref.kind) {
    case 'incident':
      return incident;
    case 'events':
    case 'meeting':
    case 'annotations':
      return `${incident}/${ref.kind}`;
    case 'document':
      checkId('documentId', ref.documentId, ITEM_ID_PATTERN);
      return `${incident}/doc/${ref.documentId}`;
  }
}

/** Parses a document name; null when it is not one of the names above. */
export function parseSyncDocName(name: string): SyncDocRef | null {
  const parts = name.split('/');
  const [team, area, incidentId, sub, subId] = parts;
  if (team === undefined || !TEAM_ID_PATTERN.test(team)) return null;
  if (parts.length === 2 && area === 'team') return { kind: 'team', team };
  if (area !== 'incident' || incidentId === undefined || !ITEM_ID_PATTERN.test(incidentId)) return null;
  if (parts.length === 3) return { kind: 'incident', team, incidentId };
  if (parts.length === 4 && (sub === 'events' || sub === 'meeting' || sub === 'annotations')) return { kind: sub, team, incidentId };
  if (parts.length !== 5 || subId === undefined || !ITEM_ID_PATTERN.test(subId)) return null;
  if (sub === 'doc') return { kind: 'document', team, incidentId, documentId: subId };
  return null;
}

function checkId(field: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value)) throw new RangeError(`Sync document ${field} "${value}" must match ${pattern.source}`);
}
