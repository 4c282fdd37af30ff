import { describe, expect, it } from 'vitest';
import { pastedTextFile } from './pasted-text';

describe('pasted text', () => {
  it('becomes a UTF-8 .txt file with a safe name', async () => {
    const file = pastedTextFile('[16:45] zoë: on it', 'Bridge / chat: 12 June');
    expect(file.name).toBe('Bridge chat 12 June.txt');
    expect(file.type).toBe('text/plain');
    expect(new TextDecoder().decode(await file.arrayBuffer())).toBe('[16:45] zoë: on it');
    expect(pastedTextFile('x', '  \u0007/ ').name).toBe('Pasted text.txt');
    expect(pastedTextFile('x', 'log.txt').name).toBe('log.txt');
  });
});
