/**
 * The production Content Security Policy: no remote scripts, no eval. The web build puts it
 * in a meta tag; the desktop app also sends it as a header from the app:// protocol.
 * Styles allow inline attributes because React sets style props (positions of virtual rows).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
