import { describe, expect, it } from 'vitest';
import { chatTextToPlain, parseChatText, type ChatBlock, type ChatInline } from './chat-text';

/** The tree with offsets replaced by the text they cover, for readable expectations. */
function show(text: string, blocks: ChatBlock[]): unknown[] {
  const inline = (nodes: ChatInline[]): unknown[] =>
    nodes.map((node) => {
      switch (node.type) {
        case 'bold':
        case 'italic':
        case 'strike':
          return { [node.type]: inline(node.children) };
        case 'emoji':
          return { emoji: node.char ?? `custom:${node.name}` };
        default:
          return { [node.type]: text.slice(node.start, node.end) };
      }
    });
  return blocks.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return inline(block.children);
      case 'code-block':
        return { codeBlock: text.slice(block.start, block.end) };
      case 'quote':
        return { quote: block.lines.map(inline) };
      case 'list':
        return { [block.ordered ? 'ol' : 'ul']: block.items.map((item) => inline(item.children)) };
    }
  });
}
const parse = (text: string, mentions?: string[]) => show(text, parseChatText(text, { mentions }));

describe('chat text', () => {
  it('reads bold, italic, strike and inline code, nested', () => {
    expect(parse('*rolled back* the _config_ ~deploy~ `payments-api`')).toEqual([
      [{ bold: [{ text: 'rolled back' }] }, { text: ' the ' }, { italic: [{ text: 'config' }] }, { text: ' ' }, { strike: [{ text: 'deploy' }] }, { text: ' ' }, { code: 'payments-api' }],
    ]);
    expect(parse('*bold _and italic_*')).toEqual([[{ bold: [{ text: 'bold ' }, { italic: [{ text: 'and italic' }] }] }]]);
  });

  it('leaves markers that are not formatting as text', () => {
    expect(parse('a*b*c snake_case_name 2 * 3 * 4 * nope*')).toEqual([[{ text: 'a*b*c snake_case_name 2 * 3 * 4 * nope*' }]]);
    expect(parse('`*not bold*`')).toEqual([[{ code: '*not bold*' }]]);
    expect(parse('unclosed `code and *star')).toEqual([[{ text: 'unclosed `code and *star' }]]);
  });

  it('reads code blocks, inline or on their own lines, literally', () => {
    expect(parse('before\n```\nkubectl rollout undo *x*\n```\nafter')).toEqual([
      [{ text: 'before' }],
      { codeBlock: 'kubectl rollout undo *x*' },
      [{ text: 'after' }],
    ]);
    expect(parse('run ```SELECT 1``` now')).toEqual([[{ text: 'run ' }], { codeBlock: 'SELECT 1' }, [{ text: ' now' }]]);
  });

  it('reads quotes, including >>> for the rest of the message', () => {
    expect(parse('> customers see 502s\n> since 16:02\nack')).toEqual([{ quote: [[{ text: 'customers see 502s' }], [{ text: 'since 16:02' }]] }, [{ text: 'ack' }]]);
    expect(parse('>>> all of\nthis is quoted')).toEqual([{ quote: [[{ text: 'all of' }], [{ text: 'this is quoted' }]] }]);
  });

  it('reads bulleted and numbered lists', () => {
    expect(parse('Actions:\n• rolled back\n- paged DBA\n1. first\n2. *second*')).toEqual([
      [{ text: 'Actions:' }],
      { ul: [[{ text: 'rolled back' }], [{ text: 'paged DBA' }]] },
      { ol: [[{ text: 'first' }], [{ bold: [{ text: 'second' }] }]] },
    ]);
  });

  it('turns emoji short names into characters, with skin tones, and keeps custom ones as names', () => {
    expect(parse(':rotating_light: SEV1 :+1::skin-tone-3: :partyparrot:')).toEqual([
      [{ emoji: '🚨' }, { text: ' SEV1 ' }, { emoji: '👍🏼' }, { text: ' ' }, { emoji: 'custom:partyparrot' }],
    ]);
    expect(parse('at 16:02:30 and a:b:c')).toEqual([[{ text: 'at 16:02:30 and a:b:c' }]]);
  });

  it('makes a mention cover the whole known name, and the word otherwise', () => {
    expect(parse('@Kenji Sato can you look? cc @here and @maria.lopez, mail ops@example.com', ['Kenji Sato'])).toEqual([
      [{ mention: '@Kenji Sato' }, { text: ' can you look? cc ' }, { mention: '@here' }, { text: ' and ' }, { mention: '@maria.lopez' }, { text: ', mail ops@example.com' }],
    ]);
    // The longest known name wins; a known name must end at a word boundary.
    expect(parse('@Kenji Satoshi', ['Kenji Sato'])).toEqual([[{ mention: '@Kenji' }, { text: ' Satoshi' }]]);
    expect(parse('@Ana María Ruiz', ['Ana', 'Ana María Ruiz'])).toEqual([[{ mention: '@Ana María Ruiz' }]]);
  });

  it('keeps offsets into the original text', () => {
    const text = 'x *bold* y';
    const [paragraph] = parseChatText(text);
    expect(paragraph).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', start: 0, end: 2 },
        { type: 'bold', start: 2, end: 8, children: [{ type: 'text', start: 3, end: 7 }] },
        { type: 'text', start: 8, end: 10 },
      ],
    });
  });

  it('gives the plain text a reader sees', () => {
    expect(chatTextToPlain('*Under Control* :white_check_mark:\n> quoted\n```code```')).toBe('Under Control ✅\nquoted\ncode');
    expect(parseChatText('')).toEqual([]);
  });
});
