import { BUNDLE_MIME_TYPE, bundleFileName, type BundleManifest } from '@core/bundles/bundle-manifest';
import type { ByteSource } from '@core/importers/byte-source';
import type { DebriefDatabase } from '@db/schema';
import { readBundleArchive, writeBundleArchive, type BundleProgress, type ReadBundle } from './bundle-archive';
import { collectIncidentBundle, type CollectOptions } from './bundle-collect';
import { planBundleImport, type BundleImportPlan } from './bundle-import';

export interface ExportOptions extends CollectOptions {
  /** What made the file, shown to whoever imports it ("Debrief 0.1.0"). */
  app?: string;
}

export interface ExportedBundle {
  blob: Blob;
  fileName: string;
  manifest: BundleManifest;
}

/** One incident as a `.debrief` file (reading is the first tenth of the progress, writing the rest). */
export async function exportIncidentBundle(database: DebriefDatabase, incidentId: string, options: ExportOptions, onProgress: BundleProgress = () => {}, now = new Date()): Promise<ExportedBundle> {
  onProgress(0);
  const contents = await collectIncidentBundle(database, incidentId, options);
  onProgress(0.1);
  const written = await writeBundleArchive(
    contents,
    { exportedAt: now, app: options.app ?? 'Debrief', includesRedactedText: options.includeRedactedText, includesOriginalRecords: options.includeOriginalRecords },
    (fraction) => onProgress(0.1 + 0.9 * fraction),
  );
  return {
    blob: new Blob(written.parts as BlobPart[], { type: BUNDLE_MIME_TYPE }),
    fileName: bundleFileName(written.manifest.incident.title, now),
    manifest: written.manifest,
  };
}

function blobSource(blob: Blob, name: string): ByteSource {
  return { name, size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}

/** Reads and verifies a bundle file, and plans its import (nothing is written). */
export async function importBundleFile(database: DebriefDatabase, file: Blob, fileName: string, onProgress: BundleProgress = () => {}): Promise<{ bundle: ReadBundle; plan: BundleImportPlan }> {
  const bundle = await readBundleArchive(blobSource(file, fileName), onProgress);
  const plan = await planBundleImport(database, bundle.contents);
  return { bundle, plan };
}
