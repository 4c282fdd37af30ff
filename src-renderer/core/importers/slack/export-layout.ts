import type { FolderEntry, VirtualFolder } from '../byte-source';
import { dayFileDate } from './day-files';

export const TOP_LEVEL_FILES = ['users.json', 'org_users.json', 'channels.json', 'groups.json', 'dms.json', 'mpims.json'] as const;
export type TopLevelFile = (typeof TOP_LEVEL_FILES)[number];

export interface DayFile {
  /** `YYYY-MM-DD` from the file name (zone undocumented, see day-files.ts). */
  date: string;
  entry: FolderEntry;
}

/** Where things are in an export, from entry names alone (nothing is read). */
export interface ExportLayout {
  /** Prefix of the export inside the folder/archive: '' or e.g. `acme-export/` when zipped with a wrapper folder. */
  root: string;
  topLevel: Map<TopLevelFile, FolderEntry>;
  /** Conversation folder name → its day files, sorted by date. */
  folders: Map<string, DayFile[]>;
  /** Entries left out because their names try to leave the export (`../`, `/abs`, `__proto__`). */
  dropped: string[];
}

const UNSAFE_SEGMENTS = new Set(['..', '.', '__proto__', 'constructor', 'prototype']);

/** A name that climbs out of the folder, is absolute, or names an object's prototype. */
export function isUnsafeEntryPath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return true;
  return path.split('/').some((segment) => UNSAFE_SEGMENTS.has(segment));
}

/** The warning naming every dropped entry, or null when none was dropped. */
export function droppedEntriesWarning(layout: ExportLayout): { message: string } | null {
  if (layout.dropped.length === 0) return null;
  const count = layout.dropped.length === 1 ? '1 entry' : `${layout.dropped.length} entries`;
  return { message: `left out ${count} whose names point outside the export: ${layout.dropped.join(', ')}` };
}

/**
 * Finds the export inside a folder. Exports zipped by hand often gain a wrapper folder, so the
 * root is wherever the shallowest users.json/channels.json sits. macOS resource forks are ignored.
 */
export function findExportLayout(folder: VirtualFolder): ExportLayout {
  const root = findRoot(folder.entries);
  const topLevel = new Map<TopLevelFile, FolderEntry>();
  const folders = new Map<string, DayFile[]>();
  const dropped: string[] = [];
  for (const entry of folder.entries) {
    if (isUnsafeEntryPath(entry.path)) {
      dropped.push(entry.path);
      continue;
    }
    if (!entry.path.startsWith(root) || isResourceFork(entry.path)) continue;
    const parts = entry.path.slice(root.length).split('/');
    if (parts.length === 1) {
      const name = parts[0] as TopLevelFile;
      if ((TOP_LEVEL_FILES as readonly string[]).includes(name)) topLevel.set(name, entry);
      continue;
    }
    if (parts.length !== 2) continue;
    const [conversation = '', fileName = ''] = parts;
    const date = dayFileDate(fileName);
    if (!date || conversation === '') continue;
    let days = folders.get(conversation);
    if (!days) folders.set(conversation, (days = []));
    days.push({ date, entry });
  }
  for (const days of folders.values()) days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { root, topLevel, folders, dropped };
}

function findRoot(entries: readonly FolderEntry[]): string {
  let best: string | null = null;
  for (const entry of entries) {
    if (isResourceFork(entry.path) || isUnsafeEntryPath(entry.path)) continue;
    const slash = entry.path.lastIndexOf('/');
    const base = entry.path.slice(slash + 1);
    if (base !== 'users.json' && base !== 'channels.json') continue;
    const dir = entry.path.slice(0, slash + 1);
    if (best === null || dir.split('/').length < best.split('/').length) best = dir;
  }
  return best ?? sharedWrapper(entries);
}

/**
 * An export of day files only (no users.json or channels.json) zipped with a wrapper folder:
 * `acme/general/2024-06-12.json`. The wrapper is the first segment every entry shares.
 */
function sharedWrapper(entries: readonly FolderEntry[]): string {
  let wrapper: string | null = null;
  for (const entry of entries) {
    if (isResourceFork(entry.path) || isUnsafeEntryPath(entry.path)) continue;
    const parts = entry.path.split('/');
    if (parts.length < 3) return '';
    const first = `${parts[0]}/`;
    if (wrapper === null) wrapper = first;
    else if (wrapper !== first) return '';
  }
  return wrapper ?? '';
}

function isResourceFork(path: string): boolean {
  return path.startsWith('__MACOSX/') || path.includes('/._') || path.startsWith('._');
}
