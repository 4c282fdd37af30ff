import { describe, expect, it } from 'vitest';
import { MASK_CHARACTER, REDACTED_EVENT_PLACEHOLDER, maskRedactedEvent, type MaskableEvent } from './redaction';

const event = (text: string, extra: Partial<MaskableEvent> = {}): MaskableEvent => ({ text, redacted: false, redactions: [], links: [], attachments: [], reactions: [], ...extra });

describe('masking redacted text for a bundle', () => {
  it('overwrites hidden characters in place, so stored spans still fit', () => {
    const masked = maskRedactedEvent(event('token abc123 leaked', { redactions: [{ start: 6, end: 12 }] }));
    expect(masked.text).toBe(`token ${MASK_CHARACTER.repeat(6)} leaked`);
    expect(masked.text.length).toBe('token abc123 leaked'.length);
    expect(masked.redactions).toEqual([{ start: 6, end: 12 }]);
  });

  it('widens a span that splits a surrogate pair, and drops links naming the hidden part', () => {
    const masked = maskRedactedEvent(
      event('a😀b see https://x.test/abc', { redactions: [{ start: 2, end: 3 }, { start: 24, end: 27 }], links: [{ url: 'https://x.test/abc', label: 'x' }, { url: 'https://ok.test', label: 'ok' }] }),
    );
    expect(masked.text).toBe(`a${MASK_CHARACTER.repeat(2)}b see https://x.test/${MASK_CHARACTER.repeat(3)}`);
    expect(masked.links).toEqual([{ url: 'https://ok.test', label: 'ok' }]);
  });

  it('replaces a wholly redacted event by the placeholder and drops what could repeat it', () => {
    const masked = maskRedactedEvent(event('secret', { redacted: true, links: [{ url: 'u', label: 'l' }], reactions: [{ name: 'eyes', count: 1 }] }));
    expect(masked).toMatchObject({ text: REDACTED_EVENT_PLACEHOLDER, redacted: true, links: [], reactions: [] });
  });

  it('leaves an event without redactions as it is', () => {
    const plain = event('nothing hidden');
    expect(maskRedactedEvent(plain)).toBe(plain);
  });
});
