import { ANNOTATION_TAGS, type AnnotationTag } from '../model/annotation';
import { METRIC_KEYS } from '../metrics/incident-metrics';

/** Placeholders replaced by one escaped value, usable anywhere in a line. */
export const VALUE_PLACEHOLDERS = [
  'incident.id',
  'incident.title',
  'incident.severity',
  'incident.severityMeaning',
  'incident.status',
  'incident.timeZone',
  'incident.services',
  'incident.commander',
  'incident.summary',
  'incident.startedAt',
  'incident.detectedAt',
  'incident.resolvedAt',
  'incident.impactStartedAt',
  'incident.impactEndedAt',
  'incident.reviewAt',
  'document.authors',
  'document.date',
  ...METRIC_KEYS.map((key) => `metrics.${key}` as const),
] as const;
export type ValuePlaceholder = (typeof VALUE_PLACEHOLDERS)[number];

/** Placeholders that expand into a generated section; each must stand alone on its line. */
export const BLOCK_PLACEHOLDERS = [
  'timeline.byStage',
  'table:timeline',
  'table:actionItems',
  'table:metrics',
  'milestones',
  'keyMoments',
  'canReports',
  'people',
  'roles',
] as const;
export type FixedBlockPlaceholder = (typeof BLOCK_PLACEHOLDERS)[number];

export type BlockPlaceholder = { name: FixedBlockPlaceholder } | { name: 'annotations'; tag: AnnotationTag };

export type ResolvedPlaceholder = { kind: 'value'; name: ValuePlaceholder } | { kind: 'block'; block: BlockPlaceholder };

/** Every placeholder spelling a template may use; `annotations:<tag>` once per annotation tag. */
export const ALL_PLACEHOLDERS: readonly string[] = [
  ...VALUE_PLACEHOLDERS,
  ...BLOCK_PLACEHOLDERS,
  ...ANNOTATION_TAGS.map((tag) => `annotations:${tag}`),
];

/** Older spellings that templates written by users may still hold. */
const RENAMED_VALUES: Readonly<Record<string, ValuePlaceholder>> = { 'metrics.timeToResolve': 'metrics.timeToAllClear' };

/** Looks up a placeholder by its spelling inside {{ }}; null if unknown. */
export function resolvePlaceholder(name: string): ResolvedPlaceholder | null {
  if ((VALUE_PLACEHOLDERS as readonly string[]).includes(name)) return { kind: 'value', name: name as ValuePlaceholder };
  const renamed = RENAMED_VALUES[name];
  if (renamed) return { kind: 'value', name: renamed };
  if ((BLOCK_PLACEHOLDERS as readonly string[]).includes(name)) return { kind: 'block', block: { name: name as FixedBlockPlaceholder } };
  const tag = /^annotations:(.+)$/.exec(name)?.[1]?.trim();
  if (tag && (ANNOTATION_TAGS as readonly string[]).includes(tag)) {
    return { kind: 'block', block: { name: 'annotations', tag: tag as AnnotationTag } };
  }
  return null;
}

/** The key of a generated section: the placeholder's canonical spelling. */
export function blockKey(block: BlockPlaceholder): string {
  return block.name === 'annotations' ? `annotations:${block.tag}` : block.name;
}
