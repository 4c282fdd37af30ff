import { SyncError } from './sync-error';

/** Hosts that are this computer: plain ws:// to them never leaves the machine. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface ServerAddress {
  /** The WebSocket URL the provider connects to (ws:// or wss://), without a trailing slash. */
  url: string;
  /** The origin a Content Security Policy must allow (scheme://host[:port]). */
  origin: string;
  /** Plain ws:// to a host other than this computer: edits and the token travel unencrypted. */
  insecure: boolean;
}

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Reads what the user typed as the server address: `wss://sync.example.com`,
 * `https://sync.example.com` (same server, WebSocket scheme), `localhost:4455`…
 */
export function parseServerAddress(input: string): ServerAddress {
  const text = input.trim();
  if (!text) throw new SyncError('INVALID_ADDRESS', 'Enter the address of your team sync server, e.g. wss://sync.example.com.', 'server');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `${isLocalHost(text.split(/[:/]/)[0] ?? '') ? 'ws' : 'wss'}://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new SyncError('INVALID_ADDRESS', `"${text}" is not a server address. Use the form wss://sync.example.com.`, 'server');
  }
  const scheme = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' }[parsed.protocol];
  if (!scheme) throw new SyncError('INVALID_ADDRESS', `"${parsed.protocol}" addresses are not sync servers. Use wss:// (or ws:// on this computer).`, 'server');
  if (parsed.username || parsed.password) {
    throw new SyncError('INVALID_ADDRESS', 'Put the access token in the token field, not in the address.', 'server');
  }
  parsed.protocol = scheme;
  const path = parsed.pathname.replace(/\/+$/, '');
  const url = `${scheme}//${parsed.host}${path}`;
  return { url, origin: `${scheme}//${parsed.host}`, insecure: scheme === 'ws:' && !isLocalHost(parsed.hostname) };
}
