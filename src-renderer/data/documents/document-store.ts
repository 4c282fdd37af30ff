import { liveQuery } from 'dexie';
import { z } from 'zod';
import { newId } from '@core/ids';
import type { PostmortemDocument } from '@core/model/document';
import type { DocumentSection } from '@core/postmortem/render-template';
import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { deleteRecord, putRecord } from '../write-log';
import { DocumentError } from './document-error';
import { DRAFT_REVIEW, moveReview, reviewStateSchema, type ReviewState, type ReviewStatus } from './review-status';

/**
 * Postmortem documents of an incident: one working document ('current') and named versions.
 * Invariant: restoring a version first keeps what was there as a version.
 *
 * A postmortem document as it is stored: the record plus `sections`, where the
 * generated parts sit in the body (an added field, so no schema change).
 */
export interface PostmortemRecord extends PostmortemDocument {
  sections: DocumentSection[];
  /** Draft → In review → Approved → Published (review-status.ts); an added field, like `sections`. */
  review: ReviewState;
}

const sectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prose'), markdown: z.string() }),
  z.object({ kind: z.literal('generated'), key: z.string(), markdown: z.string() }),
]);
// A damaged list only means nothing is refreshed on regenerate; the document itself is intact.
const sectionsSchema = z.array(sectionSchema).catch([]);

export function asPostmortemRecord(doc: PostmortemDocument): PostmortemRecord {
  const extra = doc as Partial<PostmortemRecord>;
  return { ...doc, sections: sectionsSchema.parse(extra.sections ?? []), review: reviewStateSchema.parse(extra.review) };
}

export async function loadCurrentDocument(incidentId: string, database: DebriefDatabase = db): Promise<PostmortemRecord | null> {
  const docs = await database.documents.where('[incidentId+kind]').equals([incidentId, 'current']).toArray();
  // Only one is ever written; the newest wins should an old copy linger.
  const doc = docs.sort((a, b) => b.updatedAt - a.updatedAt)[0];
  return doc ? asPostmortemRecord(doc) : null;
}

export async function listVersions(incidentId: string, database: DebriefDatabase = db): Promise<PostmortemRecord[]> {
  const docs = await database.documents.where('[incidentId+kind]').equals([incidentId, 'version']).toArray();
  return docs.map(asPostmortemRecord).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

export interface DraftContent {
  templateId: string;
  body: string;
  sections: DocumentSection[];
}

/** Creates the working document or replaces its content; dismissals are kept unless given. */
export async function writeCurrentDocument(
  incidentId: string,
  content: DraftContent & { dismissedFindings?: string[] },
  now: number = Date.now(),
  database: DebriefDatabase = db,
): Promise<PostmortemRecord> {
  return database.transaction('rw', database.documents, async () => {
    const existing = await loadCurrentDocument(incidentId, database);
    const record: PostmortemRecord = {
      id: existing?.id ?? newId(),
      incidentId,
      kind: 'current',
      name: 'Postmortem',
      templateId: content.templateId,
      body: content.body,
      sections: content.sections,
      dismissedFindings: content.dismissedFindings ?? existing?.dismissedFindings ?? [],
      // Replacing the content (a new draft, a restore, Regenerate) never changes the review status.
      review: existing?.review ?? DRAFT_REVIEW,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    return putRecord(database, 'documents', record);
  });
}

/** The autosave write: only the body changes. */
export async function saveBody(documentId: string, body: string, now: number = Date.now(), database: DebriefDatabase = db): Promise<void> {
  await patchDocument(documentId, { body, updatedAt: now }, database);
}

export async function saveDismissed(documentId: string, dismissed: string[], database: DebriefDatabase = db): Promise<void> {
  await patchDocument(documentId, { dismissedFindings: dismissed, updatedAt: Date.now() }, database);
}

async function patchDocument(documentId: string, patch: Partial<PostmortemRecord>, database: DebriefDatabase): Promise<void> {
  await database.transaction('rw', database.documents, async () => {
    const stored = await database.documents.get(documentId);
    if (!stored) throw new DocumentError('NO_DOCUMENT', 'The postmortem was deleted while you were editing it.');
    await putRecord(database, 'documents', { ...stored, ...patch });
  });
}

/** Moves the working document's review status (Approve, Publish, Reopen…), by the named person. */
export async function setReviewStatus(
  documentId: string,
  to: ReviewStatus,
  by: string,
  now: number = Date.now(),
  database: DebriefDatabase = db,
): Promise<ReviewState> {
  return database.transaction('rw', database.documents, async () => {
    const stored = await database.documents.get(documentId);
    if (!stored) throw new DocumentError('NO_DOCUMENT', 'The postmortem was deleted while you were reviewing it.');
    const review = moveReview(asPostmortemRecord(stored).review, to, by, now);
    await putRecord(database, 'documents', { ...stored, review, updatedAt: now } as PostmortemRecord);
    return review;
  });
}

/** Stores a named copy of the working document. */
export async function saveVersion(current: PostmortemRecord, name: string, now: number = Date.now(), database: DebriefDatabase = db): Promise<PostmortemRecord> {
  const version: PostmortemRecord = { ...current, id: newId(), kind: 'version', name: name.trim() || 'Untitled version', createdAt: now, updatedAt: now };
  return putRecord(database, 'documents', version);
}

/**
 * Makes a version the working document again. What was there is first kept as an automatic
 * version, in the same transaction, so a restore never loses anything.
 */
export async function restoreVersion(
  incidentId: string,
  versionId: string,
  now: number = Date.now(),
  database: DebriefDatabase = db,
): Promise<{ restored: PostmortemRecord; backup: PostmortemRecord | null }> {
  return database.transaction('rw', database.documents, async () => {
    const stored = await database.documents.get(versionId);
    if (!stored || stored.kind !== 'version' || stored.incidentId !== incidentId) {
      throw new DocumentError('VERSION_NOT_FOUND', 'That version no longer exists.');
    }
    const version = asPostmortemRecord(stored);
    const current = await loadCurrentDocument(incidentId, database);
    const backup = current ? await saveVersion(current, `Before restoring “${version.name}”`, now, database) : null;
    const restored = await writeCurrentDocument(
      incidentId,
      { templateId: version.templateId, body: version.body, sections: version.sections, dismissedFindings: version.dismissedFindings },
      now,
      database,
    );
    return { restored, backup };
  });
}

export async function deleteVersion(versionId: string, database: DebriefDatabase = db): Promise<void> {
  await deleteRecord(database, 'documents', versionId);
}

/**
 * Calls `listener` with the incident's working document now and whenever it changes (null when
 * there is none). For non-React code; returns the function that stops listening.
 */
export function observeCurrentDocument(
  incidentId: string,
  listener: (doc: PostmortemRecord | null) => void,
  onError: (error: unknown) => void,
  database: DebriefDatabase = db,
): () => void {
  const subscription = liveQuery(() => loadCurrentDocument(incidentId, database)).subscribe({ next: listener, error: onError });
  return () => subscription.unsubscribe();
}
