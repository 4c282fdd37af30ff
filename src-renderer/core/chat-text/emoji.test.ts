import { describe, expect, it } from 'vitest';
import { emojiFor, emojiForName } from './emoji';

describe('emoji short names', () => {
  it('knows the names incident channels use', () => {
    expect(emojiFor('rotating_light')).toBe('🚨');
    expect(emojiFor('white_check_mark')).toBe('✅');
    expect(emojiFor('eyes')).toBe('👀');
    expect(emojiFor('fire')).toBe('🔥');
    expect(emojiFor('+1')).toBe('👍');
    expect(emojiFor('thumbsup')).toBe('👍');
  });

  it('applies Slack skin tones 2–6 and ignores tones on emoji that take none', () => {
    expect(emojiFor('wave', 'skin-tone-2')).toBe('👋🏻');
    expect(emojiFor('+1', 'skin-tone-6')).toBe('👍🏿');
    expect(emojiFor('fire', 'skin-tone-3')).toBe('🔥');
    expect(emojiFor('wave', 'skin-tone-9')).toBe('👋');
  });

  it('reads reaction names with their tone', () => {
    expect(emojiForName('wave::skin-tone-3')).toBe('👋🏼');
    expect(emojiForName('eyes')).toBe('👀');
    expect(emojiForName('partyparrot')).toBeNull();
  });

  it('has no character for custom emoji', () => {
    expect(emojiFor('partyparrot')).toBeNull();
    expect(emojiFor('constructor')).toBeNull();
  });
});
