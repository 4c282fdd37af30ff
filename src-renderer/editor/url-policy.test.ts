import { describe, expect, it } from 'vitest';
import { eventIdFromUrl, eventUrl, isAllowedUrl, personUrl } from './url-policy';

describe('isAllowedUrl', () => {
  it.each(['https://example.com/a?b=1', 'http://localhost:3000', 'mailto:sre@example.com', 'debrief://event/e-1', 'debrief://person/p_1'])(
    'allows %s',
    (url) => expect(isAllowedUrl(url)).toBe(true),
  );

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative',
    '//evil.example',
    'https://exa mple.com',
    '',
  ])('refuses %j', (url) => expect(isAllowedUrl(url)).toBe(false));
});

describe('reference URLs', () => {
  it('round-trips event ids and rejects other URLs', () => {
    expect(eventIdFromUrl(eventUrl('evt_42'))).toBe('evt_42');
    expect(eventIdFromUrl(personUrl('p1'))).toBeNull();
    expect(eventIdFromUrl('debrief://event/../x')).toBeNull();
    expect(eventIdFromUrl('https://example.com')).toBeNull();
  });
});
