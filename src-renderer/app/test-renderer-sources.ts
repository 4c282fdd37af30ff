import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A renderer source file, its path relative to src-renderer/ with forward slashes. */
export interface RendererSource {
  path: string;
  text: string;
}

const ROOT = join(import.meta.dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every non-test TypeScript source of the renderer, for the tests that hold a rule to one home
 * (one Markdown escape, background services started once). Node-only: tests import it, the app never does.
 */
export function rendererSources(): RendererSource[] {
  return walk(ROOT).map((path) => ({ path: relative(ROOT, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));
}
