import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringSlots } from './string-slots';

describe('StringSlots', () => {
  it('numbers strings as a Map from string to insertion order does, through growth and look-ups of absent strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }), (added, asked) => {
        const slots = new StringSlots();
        const reference = new Map<string, number>();
        for (const value of added) {
          if (!reference.has(value)) reference.set(value, reference.size);
          expect(slots.add(value)).toBe(reference.get(value));
        }
        expect(slots.size).toBe(reference.size);
        for (const value of [...added, ...asked]) expect(slots.slotOf(value)).toBe(reference.get(value) ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a slice of a longer text by its content', () => {
    const slots = new StringSlots();
    slots.add('slack-export:m12');
    const text = 'slack-export:m11slack-export:m12';
    expect(slots.slotOf(text.slice(16))).toBe(0);
    expect(slots.slotOf(text.slice(0, 16))).toBe(-1);
  });
});
