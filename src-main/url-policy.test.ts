import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, decideNavigation, externalUrlOrNull, originOf, trustedOrigins } from './url-policy';

describe('externalUrlOrNull', () => {
  it.each(['https://status.example.com/incidents/42', 'http://wiki.internal/runbook', 'mailto:oncall@example.com'])(
    'lets %s open in the OS',
    (raw) => {
      expect(externalUrlOrNull(raw)?.href).toBe(new URL(raw).href);
    },
  );

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://debrief/index.html',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'smb://share/payload.exe',
    'not a url',
    '',
    'https://trusted.example@evil.example/',
    'https://user:pass@example.com/',
    'mailto:?attach=/etc/passwd',
  ])('refuses %s', (raw) => {
    expect(externalUrlOrNull(raw)).toBeNull();
  });

  it('opens a mailto link rebuilt from its address, subject and body', () => {
    expect(externalUrlOrNull('mailto:ops@example.com?attach=%2Fetc%2Fpasswd&subject=SEV1&bcc=x@evil.example')?.href).toBe('mailto:ops@example.com?subject=SEV1');
  });
});

describe('decideNavigation', () => {
  it('never navigates the window, but hands safe links to the browser', () => {
    const decision = decideNavigation('https://example.com/postmortem');
    expect(decision.allowInApp).toBe(false);
    expect(decision.openExternally?.href).toBe('https://example.com/postmortem');
  });

  it('drops unsafe links entirely', () => {
    expect(decideNavigation('file:///home/me/.ssh/id_rsa')).toEqual({ allowInApp: false, openExternally: null });
  });
});

describe('trustedOrigins', () => {
  it('trusts only the app origin in a packaged build, even if a dev URL leaks into the environment', () => {
    expect([...trustedOrigins('http://localhost:5173', true)]).toEqual([APP_ORIGIN]);
  });

  it('adds the dev server origin while developing', () => {
    expect(trustedOrigins('http://localhost:5173/', false).has('http://localhost:5173')).toBe(true);
  });

  it('ignores a dev URL that is not http(s)', () => {
    expect([...trustedOrigins('file:///tmp/index.html', false)]).toEqual([APP_ORIGIN]);
  });
});

describe('originOf', () => {
  it('derives app:// origins that Node reports as "null"', () => {
    expect(originOf('app://debrief/index.html#/incidents')).toBe('app://debrief');
  });

  it('returns null for opaque origins', () => {
    expect(originOf('file:///tmp/x.html')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
  });
});
