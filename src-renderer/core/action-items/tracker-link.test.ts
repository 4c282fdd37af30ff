import { describe, expect, it } from 'vitest';
import { parseTrackerLink } from './tracker-link';

describe('parseTrackerLink', () => {
  it('recognises Jira, Linear and GitHub links and labels them with the issue key', () => {
    const label = (url: string) => {
      const r = parseTrackerLink(url);
      return r.ok ? r.link?.label : r.message;
    };
    expect(label('https://acme.atlassian.net/browse/OPS-12')).toBe('Jira OPS-12');
    expect(label('https://jira.example.com/browse/sre-7')).toBe('Jira SRE-7');
    expect(label('https://linear.app/acme/issue/ENG-7/fix-the-timeout')).toBe('Linear ENG-7');
    expect(label('https://github.com/acme/api/issues/42')).toBe('GitHub acme/api#42');
    expect(label('https://github.com/acme/api/pull/9')).toBe('GitHub acme/api#9');
    expect(label('http://tracker.internal/item/5')).toBe('tracker.internal');
  });

  it('treats an empty value as no link', () => {
    expect(parseTrackerLink('  ')).toEqual({ ok: true, link: null });
  });

  it('refuses other schemes and text that is not a URL, naming the value', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://files.example.com/x', 'OPS-12', 'file:///etc/passwd']) {
      const r = parseTrackerLink(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(bad);
    }
  });
});
