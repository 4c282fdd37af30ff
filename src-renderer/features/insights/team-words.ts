import { uniqueWords, type TeamVocabulary } from '@core/catalog/catalog-schema';
import { DETECTION_METHODS, FAILURE_DOMAINS, RESOLUTIONS, TRIGGERS } from '@core/model/catalog';

/** The four lists a team can replace, in the order the catalog asks for them. */
export const TEAM_LISTS = [
  { key: 'failureDomains', label: 'Failure domains', shipped: FAILURE_DOMAINS },
  { key: 'triggers', label: 'Triggers', shipped: TRIGGERS },
  { key: 'detectionMethods', label: 'Detection methods', shipped: DETECTION_METHODS },
  { key: 'resolutions', label: 'Resolutions', shipped: RESOLUTIONS },
] as const satisfies readonly { key: keyof TeamVocabulary; label: string; shipped: readonly string[] }[];

/** The same limits the stored setting's schema has (catalog-schema.ts), said in words. */
const MAX_WORDS = 100;
const MAX_LENGTH = 120;

export type TeamWordsText = Record<keyof TeamVocabulary, string>;

/** One word per line, as the dialog shows a list. */
export function teamWordsText(vocabulary: TeamVocabulary): TeamWordsText {
  return {
    failureDomains: vocabulary.failureDomains.join('\n'),
    triggers: vocabulary.triggers.join('\n'),
    detectionMethods: vocabulary.detectionMethods.join('\n'),
    resolutions: vocabulary.resolutions.join('\n'),
  };
}

/**
 * The typed lists back as words: blank lines dropped, repeats (any case) kept once. An empty
 * list means "use Debrief's list". A word too long or a list too long is refused with the list
 * and the line, so nothing half-valid is saved.
 */
export function parseTeamWords(text: TeamWordsText): { vocabulary: TeamVocabulary } | { error: string } {
  const vocabulary: TeamVocabulary = { failureDomains: [], triggers: [], detectionMethods: [], resolutions: [] };
  for (const { key, label } of TEAM_LISTS) {
    const lines = text[key].split(/\r?\n/);
    const tooLong = lines.findIndex((line) => line.trim().length > MAX_LENGTH);
    if (tooLong >= 0) return { error: `${label}, line ${tooLong + 1}: a word can be at most ${MAX_LENGTH} characters.` };
    const words = uniqueWords(lines);
    if (words.length > MAX_WORDS) return { error: `${label}: at most ${MAX_WORDS} words (this list has ${words.length}).` };
    vocabulary[key] = words;
  }
  return { vocabulary };
}
