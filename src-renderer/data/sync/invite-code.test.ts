import { describe, expect, it } from 'vitest';
import { decodeInvite, encodeInvite } from './invite-code';

describe('invite codes', () => {
  const invite = { server: 'wss://sync.example.com', team: 'acme', incidentId: '0c6f1a9e-2b1d-4c1e-9f7a-3c2b1a0e9d8c', title: 'Checkout down — “SEV1”' };

  it('round-trips, also from inside a pasted message', () => {
    const code = encodeInvite(invite);
    expect(code).toMatch(/^debrief-invite:[A-Za-z0-9_-]+$/);
    expect(decodeInvite(code)).toEqual(invite);
    expect(decodeInvite(`Join our review: ${code} (Debrief → Join incident…)`)).toEqual(invite);
  });

  it('refuses damaged or foreign codes with a plain message', () => {
    expect(() => decodeInvite('hello')).toThrow(expect.objectContaining({ code: 'INVALID_INVITE', field: 'invite' }));
    expect(() => decodeInvite(encodeInvite(invite).slice(0, 30))).toThrow(/damaged|not one Debrief made/);
    expect(() => decodeInvite('debrief-invite:' + btoa(JSON.stringify({ v: 1, server: 'x', team: 'A B', incident: 'i' })))).toThrow(/not one Debrief made/);
  });
});
