import { describe, expect, it } from 'vitest';
import { groupPickedFiles, toImportInput } from './picked-input';

const file = (name: string, text: string) => new File([text], name);

describe('groupPickedFiles', () => {
  it('makes one input per loose file and one per top-level folder, keeping paths inside the folder', async () => {
    const inputs = groupPickedFiles([
      { file: file('log.json', '{}'), path: 'log.json' },
      { file: file('users.json', '[]'), path: 'export/users.json' },
      { file: file('2024-06-12.json', '[1]'), path: 'export/general/2024-06-12.json' },
      { file: file('t.csv', 'a,b'), path: 't.csv' },
    ]);
    expect(inputs.map((input) => [input.name, input.kind, input.files.length, input.size])).toEqual([
      ['log.json', 'file', 1, 2],
      ['export', 'folder', 2, 5],
      ['t.csv', 'file', 1, 3],
    ]);
    const [, exported] = inputs;
    if (!exported) throw new Error('expected the folder input');
    const folder = toImportInput(exported);
    if (folder.kind !== 'folder') throw new Error('expected a folder');
    expect(folder.folder.entries.map((entry) => entry.path)).toEqual(['users.json', 'general/2024-06-12.json']);
    expect(new TextDecoder().decode(await folder.folder.entries[1]?.read())).toBe('[1]');
  });

  it('reads a single file through slices without loading the rest', async () => {
    const [input] = groupPickedFiles([{ file: file('big.txt', 'abcdefghij'), path: 'big.txt' }]);
    if (!input) throw new Error('expected one input');
    const source = toImportInput(input);
    if (source.kind !== 'file') throw new Error('expected a file');
    expect(new TextDecoder().decode(await source.source.read(3, 4))).toBe('defg');
    expect(source.source.size).toBe(10);
  });
});
