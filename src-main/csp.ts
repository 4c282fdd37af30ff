/**
 * The production Content Security Policy: no remote scripts, no eval (compiling our own bundled
 * WebAssembly is allowed, 'wasm-unsafe-eval', which permits nothing else). The web build puts it
 * in a meta tag; the desktop app also sends it as a header from the app:// protocol.
 * Styles allow inline attributes because React sets style props (positions of virtual rows).
 * Workers are bundled files, so neither workers nor fetch need `blob:`. Trusted Types make every
 * DOM script sink (innerHTML, script URLs) refuse plain strings. Two policies may exist: ours,
 * `default` (src-renderer/platform/trusted-types.ts), which lets through only HTML parsed into an
 * inert document and same-origin workers; and `lexical`, which @lexical/clipboard creates anew
 * on every paste (hence 'allow-duplicates') to hand pasted HTML to DOMParser.
 */
export const CONTENT_SECURITY_POLICY: string = [
  "default-src 'self'",
  // WebAssembly only (no eval): the import worker reads slackdump's SQLite archives with sql.js.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types default lexical 'allow-duplicates'",
].join('; ');

/** A team sync server's origin as the CSP may name it: ws(s)://host[:port], nothing else. */
export const SYNC_ORIGIN_PATTERN = /^wss?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^wss?:\/\/\[[0-9a-fA-F:]+\](:[0-9]{1,5})?$/;

/**
 * The policy with the configured team sync server added to connect-src (and nothing else): the
 * one place the app may open a connection to. No server (or an invalid one): the plain policy.
 */
export function contentSecurityPolicy(syncOrigin: string | null): string {
  if (!syncOrigin || !SYNC_ORIGIN_PATTERN.test(syncOrigin)) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${syncOrigin}`);
}
