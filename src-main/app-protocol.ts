import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { contentSecurityPolicy } from './csp';
import { APP_HOST, APP_SCHEME } from './url-policy';

/**
 * Standard + secure gives app:// a real origin (IndexedDB, workers, fetch behave as on
 * https) without ever exposing file:// to the renderer. Must be registered before `ready`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file inside `root`, or null when it would escape it. Decoding is
 * done here (not trusted to the URL parser) so `%2e%2e%2f` and encoded backslashes are caught.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  if (relative.split('/').some((segment) => segment === '..')) return null;
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const base = path.resolve(root);
  const resolved = path.resolve(base, `.${relative.startsWith('/') ? '' : '/'}${relative}`);
  const rel = path.relative(base, resolved);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return resolved;
}

function response(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/**
 * The app:// handler. Every response carries the production CSP as a header (its connect-src
 * naming the team sync server remembered when the page loads, if any: a reload after changing
 * it, the restart the Team sync dialog asks for, allows the new one), so it applies
 * even to documents that lack the meta tag. Extension-less paths fall back to index.html
 * because they are client-side routes being reloaded.
 */
export function createAppRequestHandler(root: string, syncOrigin: () => string | null = () => null): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return response(405, 'Method not allowed');
    let filePath = resolveAppPath(root, request.url);
    if (!filePath) return response(403, 'Forbidden');
    if (!(await isFile(filePath))) {
      if (path.extname(filePath) !== '') return response(404, 'Not found');
      filePath = path.join(path.resolve(root), 'index.html');
      if (!(await isFile(filePath))) return response(404, 'Not found');
    }
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(filePath));
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(filePath),
        'Content-Security-Policy': contentSecurityPolicy(syncOrigin()),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
