import { describe, expect, test } from 'vitest';
import type { CommentThread } from '@editor/comment-threads';
import { createTestDatabases } from '@data/test-database';
import { addMentions, markMentionsRead, mentionsOf, postmortemMentionsOf, readMentions } from './mention-inbox';

const freshDb = createTestDatabases('mention-inbox');

const thread = (id: string, comments: Array<{ id: string; author: string; mentions: string[] }>): CommentThread => ({
  id,
  quote: 'the retries',
  author: comments[0]?.author ?? '',
  createdAt: 1,
  resolved: null,
  comments: comments.map((c, i) => ({ ...c, text: `comment ${c.id}`, at: 10 + i })),
});

describe('mentions inbox', () => {
  test('only comments by others that mention this person count, whatever the letter case', () => {
    const threads = [
      thread('t1', [
        { id: 'c1', author: 'Ana', mentions: ['ben'] },
        { id: 'c2', author: 'Ben', mentions: ['Ben'] },
        { id: 'c3', author: 'Cho', mentions: ['Ana'] },
      ]),
    ];
    expect(mentionsOf(threads, 'Ben', 'inc-1')).toEqual([
      { id: 'c1', incidentId: 'inc-1', threadId: 't1', author: 'Ana', quote: 'the retries', text: 'comment c1', at: 10, read: false },
    ]);
  });

  test('mentions of this person in the postmortem text, numbered so each new one notifies once', () => {
    const mention = (name: string) => ({ type: 'mention', text: `@${name}`, personId: 'x' });
    const paragraph = (...children: object[]) => ({ type: 'paragraph', children });
    const state = JSON.stringify({
      root: { type: 'root', children: [paragraph({ type: 'text', text: 'Ask ' }, mention('Ben'), { type: 'text', text: ' about it.' }), paragraph(mention('Ana')), paragraph(mention('ben'))] },
    });
    expect(postmortemMentionsOf(state, 'Ben', 'inc-1', 'doc-1', 5)).toMatchObject([
      { id: 'pm:doc-1:1', text: 'Ask @Ben about it.', threadId: '' },
      { id: 'pm:doc-1:2', text: '@ben' },
    ]);
    expect(postmortemMentionsOf('not json', 'Ben', 'inc-1', 'doc-1', 5)).toEqual([]);
  });

  test('each comment is noticed once, even after it was read', async () => {
    const database = await freshDb();
    const found = mentionsOf([thread('t1', [{ id: 'c1', author: 'Ana', mentions: ['Ben'] }])], 'Ben', 'inc-1');
    expect((await addMentions(found, database)).map((m) => m.id)).toEqual(['c1']);
    expect(await addMentions(found, database)).toEqual([]);
    await markMentionsRead('all', database);
    expect(await addMentions(found, database)).toEqual([]);
    expect(await readMentions(database)).toMatchObject([{ id: 'c1', read: true }]);
  });
});
