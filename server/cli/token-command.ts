import { SyncServerError } from '../errors.ts';
import type { SyncStore, TokenRecord } from '../store/sync-store.ts';
import { issueToken } from '../tokens/issue-token.ts';
import type { TokenOptions } from './options.ts';

/** `token create|list|revoke`: prints for a person (or JSON with --json) through `print`. */
export async function runTokenCommand(options: TokenOptions, store: SyncStore, print: (text: string) => void): Promise<void> {
  switch (options.command) {
    case 'token-create': {
      const { token, record } = await issueToken(store, options);
      const { id } = record;
      print(
        [
          `Created a${options.role === 'editor' ? 'n editor' : ' viewer'} token for team "${options.team}" (id ${id}${options.label ? `, "${options.label}"` : ''}):`,
          '',
          `  ${token}`,
          '',
          'It is shown only this once (the server keeps only its hash). Paste it into Debrief under',
          `Settings → Team sync. Revoke it with: npm run server -- token revoke ${id}`,
          '',
        ].join('\n'),
      );
      return;
    }
    case 'token-list': {
      const tokens = await store.listTokens();
      print(options.json ? `${JSON.stringify(tokens, null, 2)}\n` : formatTable(tokens));
      return;
    }
    case 'token-revoke': {
      if (!(await store.revokeToken(options.id))) {
        throw new SyncServerError('token-not-found', `No token has the id "${options.id}" (see: npm run server -- token list)`);
      }
      print(`Revoked token ${options.id}. Documents it has open close within the server's re-check interval.\n`);
      return;
    }
  }
}

function formatTable(tokens: TokenRecord[]): string {
  if (tokens.length === 0) return 'No tokens yet. Create one with: npm run server -- token create --team TEAM --role editor\n';
  const header = ['ID', 'TEAM', 'ROLE', 'LABEL', 'CREATED', 'LAST USED', 'REVOKED'];
  const rows = [header, ...tokens.map((t) => [t.id, t.team, t.role, t.label, day(t.createdAt), day(t.lastUsedAt), day(t.revokedAt)])];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return `${rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n')}\n`;
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '-';
}
