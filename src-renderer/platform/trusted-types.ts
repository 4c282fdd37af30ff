/**
 * The Trusted Types `default` policy, the only one the CSP allows (`trusted-types default`).
 * With `require-trusted-types-for 'script'` every DOM sink that can run script refuses plain
 * strings; the browser asks this policy about each one, and it lets through only:
 *   - HTML given to DOMParser (the editor parses pasted HTML into an inert document, where
 *     nothing runs; lexical then copies only the nodes it knows),
 *   - worker script URLs of the app's own origin (the import worker).
 * Everything else (innerHTML, script text, eval-like sinks, foreign script URLs) is refused,
 * so an injection bug cannot turn into script execution. Imported before anything else.
 */
import { z } from 'zod';

interface TrustedTypePolicyOptions {
  createHTML?: (input: string, type: string, sink: string) => string | null;
  createScript?: (input: string, type: string, sink: string) => string | null;
  createScriptURL?: (input: string, type: string, sink: string) => string | null;
}

interface TrustedTypesFactory {
  createPolicy(name: string, options: TrustedTypePolicyOptions): unknown;
}

/** Sinks whose HTML never runs: DOMParser builds a document without a browsing context. */
const INERT_HTML_SINKS = new Set(['DOMParser parseFromString']);
/** Sinks that take a worker script URL. */
const WORKER_SINKS = new Set(['Worker constructor', 'SharedWorker constructor']);

/** The HTML let through, or null (the browser then throws instead of using the string). */
export function allowedHtml(input: string, sink: string): string | null {
  return INERT_HTML_SINKS.has(sink) ? input : null;
}

/** The worker URL let through when it is of the page's own origin, or null. */
export function allowedScriptUrl(input: string, sink: string, pageUrl: string): string | null {
  if (!WORKER_SINKS.has(sink)) return null;
  let url: URL;
  try {
    url = new URL(input, pageUrl);
  } catch {
    return null;
  }
  const base = new URL(pageUrl);
  // Scheme and host, not `origin`: custom schemes such as app:// report "null" outside Electron.
  return url.protocol === base.protocol && url.host === base.host && url.host !== '' ? input : null;
}

export const TRUSTED_TYPES_POLICY_NAME = 'default';

export function installTrustedTypesPolicy(scope: { trustedTypes?: TrustedTypesFactory; location: { href: string } }): boolean {
  const factory = scope.trustedTypes;
  if (!factory) return false;
  factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
    createHTML: (input, _type, sink) => allowedHtml(input, sink),
    createScript: () => null,
    createScriptURL: (input, _type, sink) => allowedScriptUrl(input, sink, scope.location.href),
  });
  return true;
}

installTrustedTypesPolicy(globalThis as unknown as Parameters<typeof installTrustedTypesPolicy>[0]);

// zod probes `Function('')` once to decide whether to compile its validators; the CSP refuses it
// and reports a violation on every start. Tell zod up front that code generation is off.
z.config({ jitless: true });
