import { describe, expect, test } from 'vitest';
import { mentionedNames, mentionQueryAt, mentionsPerson } from './comment-mentions';

describe('comment mentions', () => {
  test('known names may hold spaces; the longest known name wins', () => {
    expect(mentionedNames('@Ben Ortiz can you check? cc @ana', ['Ben', 'Ben Ortiz', 'Ana'])).toEqual(['Ben Ortiz', 'Ana']);
  });

  test('an unknown one-word name is still a mention; e-mail addresses and repeats are not', () => {
    expect(mentionedNames('ask @Cho and @cho, not ops@example.com', [])).toEqual(['Cho']);
    expect(mentionedNames('@Anabel is not @Ana', ['Ana'])).toEqual(['Anabel', 'Ana']);
  });

  test('mentionsPerson ignores letter case', () => {
    expect(mentionsPerson(['ben ortiz'], 'Ben Ortiz')).toBe(true);
    expect(mentionsPerson(['Ben'], 'Ben Ortiz')).toBe(false);
    expect(mentionsPerson(['Ben'], ' ')).toBe(false);
  });

  test('the query being typed after "@"', () => {
    expect(mentionQueryAt('hi @Be', 6)).toEqual({ start: 3, query: 'Be' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail@x', 6)).toBeNull();
    expect(mentionQueryAt('@Ben done', 9)).toBeNull();
  });
});
