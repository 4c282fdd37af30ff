import { z } from 'zod';

/**
 * An incident bundle (`.debrief`) is a ZIP: `manifest.json` (written last), one JSON array per table
 * of small records (`records/<table>.json`) and, per block of imported events, the block's stored
 * bytes (`events/<n>/block.bin`, `terms.bin`, `keys.bin` and, when original records are included,
 * `raw.json`). The manifest lists every other entry with its size and SHA-256, so a bundle that
 * was changed or cut short after export is refused before anything is written.
 */
export const BUNDLE_FORMAT = 'debrief-incident-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.debrief';
export const BUNDLE_MIME_TYPE = 'application/vnd.debrief.bundle+zip';
export const MANIFEST_PATH = 'manifest.json';

/** Tables of small records, each one JSON array in the bundle. People are those the incident names. */
export const BUNDLE_RECORD_TABLES = ['incidents', 'sources', 'eventState', 'manualEvents', 'people', 'milestones', 'annotations', 'documents', 'actionItems'] as const;
export type BundleRecordTable = (typeof BUNDLE_RECORD_TABLES)[number];

export function recordsPath(table: BundleRecordTable): string {
  return `records/${table}.json`;
}

/** Block metadata (everything but the bytes) lives in this array; bytes are entries of their own. */
export const BLOCKS_PATH = 'records/eventBlocks.json';

export type BlockPart = 'block.bin' | 'terms.bin' | 'keys.bin' | 'raw.json';
export function blockPartPath(index: number, part: BlockPart): string {
  return `events/${index}/${part}`;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 checksum (64 hex digits)');

export const manifestEntrySchema = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
  /** ISO 8601 UTC. */
  exportedAt: z.string(),
  app: z.string(),
  incident: z.object({ id: z.string().min(1), title: z.string(), updatedAt: z.number() }),
  /** What the one who exported chose: redacted text kept, original records kept. */
  includesRedactedText: z.boolean(),
  includesOriginalRecords: z.boolean(),
  counts: z.object({ events: z.number().int().nonnegative(), records: z.record(z.string(), z.number().int().nonnegative()) }),
  entries: z.array(manifestEntrySchema),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** `checkout-returns-5xx-2024-06-12.debrief`: the title made file-name safe, and the day exported. */
export function bundleFileName(title: string, exportedAt: Date): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || 'incident';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${slug}-${exportedAt.getFullYear()}-${pad(exportedAt.getMonth() + 1)}-${pad(exportedAt.getDate())}${BUNDLE_EXTENSION}`;
}
