import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkText, safeHref, safeLink } from './safe-link';

describe('safeLink: a label that reads as another address shows the real one', () => {
  it('a Slack link whose label is a trusted URL but opens another host shows that host', () => {
    const link = safeLink('https://evil.example/login', 'https://status.acme.com');
    expect(link).toEqual({ href: 'https://evil.example/login', kind: 'web', label: 'https://status.acme.com', realTarget: 'evil.example' });
    expect(link && linkText(link)).toBe('https://status.acme.com (evil.example)');
  });

  it.each([
    ['status.acme.com', 'https://evil.example'],
    ['www.acme.com/status', 'https://evil.example'],
    ['HTTPS://STATUS.ACME.COM/', 'https://status.acme.com.evil.example/'],
    ['ops@acme.com', 'https://evil.example'],
    ['https://status.acme.com', 'mailto:phish@evil.example'],
  ])('label %s on %s is flagged', (label, url) => {
    expect(safeLink(url, label)?.realTarget).not.toBeNull();
  });

  it.each([
    ['https://status.acme.com', 'https://status.acme.com/incidents/42'],
    ['STATUS.acme.com', 'https://status.acme.com/'],
    ['the status page', 'https://evil.example'],
    ['', 'https://status.acme.com'],
    ['deploy 1.2.3', 'https://ci.acme.com/42'],
    ['ops@acme.com', 'mailto:OPS@acme.com?subject=hi'],
  ])('label %j on %s is not flagged', (label, url) => {
    expect(safeLink(url, label)?.realTarget).toBeNull();
  });

  it('shows the punycode host when a look-alike label hides it', () => {
    expect(safeLink('https://аpple.com/', 'https://apple.com')?.realTarget).toBe('xn--pple-43d.com');
  });

  it('an empty label shows the URL itself', () => {
    expect(safeLink('https://a.example/x', '  ')?.label).toBe('https://a.example/x');
  });
});

describe('safeHref: only web and mail links open, and mailto is rebuilt', () => {
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'app://debrief/index.html', 'https://ok@evil.example', 'https://a:b@evil.example', '/relative', 'java\nscript:alert(1)', 'https://a.example/ x', 'mailto:', 'mailto:?attach=/etc/passwd', 'mailto:Ops <ops@acme.com>'])(
    'refuses %j',
    (raw) => expect(safeHref(raw)).toBeNull(),
  );

  it('keeps only the address, subject and body of a mailto link', () => {
    expect(safeHref('mailto:ops@acme.com?attach=%2Fetc%2Fpasswd&subject=SEV1%20review&cc=x@evil.example&body=See%20notes&bcc=y@evil.example')).toBe(
      'mailto:ops@acme.com?subject=SEV1%20review&body=See%20notes',
    );
    expect(safeHref('MAILTO:a@acme.com,%20b@acme.com?attach=x')).toBe('mailto:a@acme.com,b@acme.com');
    expect(safeHref('mailto:ops@acme.com?subject=a%26attach%3Dx')).toBe('mailto:ops@acme.com?subject=a%26attach%3Dx');
  });

  it('a rebuilt mailto never carries a parameter other than subject and body (property)', () => {
    const param = fc.constantFrom('attach', 'cc', 'bcc', 'subject', 'body', 'to', 'in-reply-to', 'Attach');
    fc.assert(
      fc.property(fc.array(fc.tuple(param, fc.string()), { maxLength: 6 }), (pairs) => {
        const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const url = new URL(safeHref(`mailto:ops@acme.com?${query}`) ?? 'invalid:');
        expect([...url.searchParams.keys()].every((n) => n === 'subject' || n === 'body')).toBe(true);
        expect(url.pathname).toBe('ops@acme.com');
      }),
    );
  });

  it('web URLs come back as written, without surrounding spaces', () => {
    expect(safeHref(' https://Status.Acme.com/a%20b ')).toBe('https://Status.Acme.com/a%20b');
  });
});
