import type { IncidentCompanion, IncidentCompanionFactory } from '@data/sync';
import { keepAnnotationTexts, type AnnotationTextKeeper } from './annotation-text-keeper';
import { openAnnotationTexts } from './annotation-texts';

/**
 * For each shared incident: opens its `annotations` document and keeps every annotation's stored
 * text current from it (annotation-text-keeper.ts), whether or not the Review tab is open.
 */
export const annotationCompanion: IncidentCompanionFactory = ({ incidentId, client, onError }): IncidentCompanion => {
  const handle = openAnnotationTexts(client, incidentId);
  let keeper: AnnotationTextKeeper | null = null;
  let stopped = false;
  void handle.whenLocalLoaded
    .then(() => {
      if (stopped) return;
      // Offline, nobody else can be writing the same old text now: seed at once.
      const seedAfter = handle.status().state === 'offline' ? Promise.resolve() : handle.whenServerState;
      keeper = keepAnnotationTexts({ doc: handle.doc, incidentId, by: client.user.name, seedAfter, onError });
    })
    .catch(onError);
  return {
    stop: () => {
      stopped = true;
      const closing = keeper;
      keeper = null;
      if (!closing) {
        handle.release();
        return;
      }
      // What arrived last is still stored before the document closes.
      void closing
        .flush()
        .catch(onError)
        .finally(() => {
          closing.stop();
          handle.release();
        });
    },
  };
};
