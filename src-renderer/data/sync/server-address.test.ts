import { describe, expect, it } from 'vitest';
import { parseServerAddress } from './server-address';

describe('parseServerAddress', () => {
  it('keeps wss:// addresses and turns https:// into wss://', () => {
    expect(parseServerAddress('wss://sync.example.com/')).toEqual({ url: 'wss://sync.example.com', origin: 'wss://sync.example.com', insecure: false });
    expect(parseServerAddress(' https://sync.example.com:8443/debrief ')).toEqual({
      url: 'wss://sync.example.com:8443/debrief',
      origin: 'wss://sync.example.com:8443',
      insecure: false,
    });
  });

  it('defaults to ws:// for this computer and wss:// elsewhere', () => {
    expect(parseServerAddress('localhost:4455').url).toBe('ws://localhost:4455');
    expect(parseServerAddress('127.0.0.1:4455').insecure).toBe(false);
    expect(parseServerAddress('sync.example.com').url).toBe('wss://sync.example.com');
  });

  it('marks plain ws:// to another host as insecure', () => {
    expect(parseServerAddress('ws://10.0.0.5:4455').insecure).toBe(true);
    expect(parseServerAddress('http://sync.example.com').insecure).toBe(true);
    expect(parseServerAddress('ws://[::1]:4455').insecure).toBe(false);
  });

  it('refuses what is not a sync server address, naming the field', () => {
    expect(() => parseServerAddress('')).toThrow(expect.objectContaining({ code: 'INVALID_ADDRESS', field: 'server' }));
    expect(() => parseServerAddress('ftp://x.example')).toThrow(/not sync servers/);
    expect(() => parseServerAddress('wss://ana:secret@sync.example.com')).toThrow(/token field/);
    expect(() => parseServerAddress('wss://exa mple')).toThrow(/is not a server address/);
  });
});
