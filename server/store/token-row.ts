import { z } from 'zod';
import { SYNC_ROLES } from '../protocol/doc-names.ts';
import type { TokenRecord } from './sync-store.ts';

/** A row of the tokens table as either database returns it (PostgreSQL gives Date objects). */
export interface TokenRow {
  id: string;
  team: string;
  role: string;
  label: string;
  created_at: string | Date;
  last_used_at: string | Date | null;
  revoked_at: string | Date | null;
}

const timestamp = z.union([z.string(), z.date()]).transform((value) => (typeof value === 'string' ? value : value.toISOString()));

const tokenRowSchema = z.object({
  id: z.string(),
  team: z.string(),
  role: z.enum(SYNC_ROLES),
  label: z.string(),
  created_at: timestamp,
  last_used_at: timestamp.nullable(),
  revoked_at: timestamp.nullable(),
});

export function parseTokenRow(row: TokenRow): TokenRecord {
  const parsed = tokenRowSchema.parse(row);
  return {
    id: parsed.id,
    team: parsed.team,
    role: parsed.role,
    label: parsed.label,
    createdAt: parsed.created_at,
    lastUsedAt: parsed.last_used_at,
    revokedAt: parsed.revoked_at,
  };
}
