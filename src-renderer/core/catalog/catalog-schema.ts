import { z } from 'zod';
import { emptyCatalog, type IncidentCatalog } from '../model/catalog';

const word = z.string().trim().min(1).max(120);
const words = z.array(word).max(100);
const lesson = z.string().trim().min(1).max(4000);

/**
 * The catalog as it is read back from storage, a bundle or a backup: fields added later get
 * their empty value, so an older record still loads.
 */
export const catalogSchema: z.ZodType<IncidentCatalog> = z.object({
  failureDomains: words.default([]),
  trigger: z.string().trim().max(120).default(''),
  contributingFactors: words.default([]),
  detectionMethod: z.string().trim().max(120).default(''),
  resolution: z.string().trim().max(120).default(''),
  lessons: z
    .object({ wentWell: z.array(lesson).max(200).default([]), wentPoorly: z.array(lesson).max(200).default([]), lucky: z.array(lesson).max(200).default([]) })
    .default({ wentWell: [], wentPoorly: [], lucky: [] }),
  customerImpactMinutes: z.number().int().min(0).max(10_000_000).nullable().default(null),
}) as z.ZodType<IncidentCatalog>;

/** The team's own word lists, kept as a setting; each replaces the shipped list it names. */
export const teamVocabularySchema = z.object({
  failureDomains: words.default([]),
  triggers: words.default([]),
  detectionMethods: words.default([]),
  resolutions: words.default([]),
});
export type TeamVocabulary = z.infer<typeof teamVocabularySchema>;

/** The catalog of an incident, or an empty one when it was never filled in or does not parse. */
export function catalogOf(incident: { catalog?: unknown }): IncidentCatalog {
  if (incident.catalog === undefined) return emptyCatalog();
  const parsed = catalogSchema.safeParse(incident.catalog);
  return parsed.success ? parsed.data : emptyCatalog();
}

/** De-duplicates words case-insensitively, keeping the first spelling and the order. */
export function uniqueWords(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const value = raw.trim();
    const key = value.toLowerCase();
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
