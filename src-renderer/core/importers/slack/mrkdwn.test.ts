import { describe, expect, it } from 'vitest';
import { decodeSlackEntities, mrkdwnToPlain, type MentionNames } from './mrkdwn';

const names: MentionNames = {
  user: (id) => ({ U1: 'alice', W2: 'Bob Kim' })[id] ?? id,
  channel: (id) => ({ C9: 'ops' })[id] ?? null,
};

const plain = (raw: string) => mrkdwnToPlain(raw, names);

describe('mrkdwn to plain text', () => {
  it('names mentioned users, with or without a label, and keeps unknown ids', () => {
    expect(plain('ping <@U1> and <@W2|bob.k>').text).toBe('ping @alice and @Bob Kim');
    expect(plain('<@U404> left').text).toBe('@U404 left');
    expect(plain('<@U404|ghost> left').text).toBe('@ghost left');
  });

  it('lists the names mentions became, so the whole name renders as one mention', () => {
    expect(plain('ping <@U1> and <@W2|bob.k>, <@W2> again, <!here> <!subteam^S01|@payments-oncall>').mentions).toEqual(['alice', 'Bob Kim', 'here', 'payments-oncall']);
    expect(plain('no one, <https://x.example|@not-a-mention>').mentions).toEqual([]);
  });

  it('names channels from the label or the export', () => {
    expect(plain('see <#C7|incidents> and <#C9>').text).toBe('see #incidents and #ops');
  });

  it('renders broadcasts, user groups and dates', () => {
    expect(plain('<!here> <!channel> <!everyone|everyone>').text).toBe('@here @channel @everyone');
    expect(plain('<!subteam^S01|@payments-oncall> and <!subteam^S02|dbas>').text).toBe('@payments-oncall and @dbas');
    expect(plain('due <!date^1718261582^{date_short}|Jun 12th, 2024>').text).toBe('due Jun 12th, 2024');
  });

  it('turns links into their label and collects them', () => {
    const result = plain('see <https://grafana.example/d/abc?a=1&amp;b=2|checkout overview> or <https://status.example> or <mailto:oncall@example.com|oncall@example.com>');
    expect(result.text).toBe('see checkout overview or https://status.example or oncall@example.com');
    expect(result.links).toEqual([
      { url: 'https://grafana.example/d/abc?a=1&b=2', label: 'checkout overview' },
      { url: 'https://status.example', label: 'https://status.example' },
      { url: 'mailto:oncall@example.com', label: 'oncall@example.com' },
    ]);
  });

  it('does not make links out of other schemes', () => {
    const result = plain('<javascript:alert(1)|click>');
    expect(result.links).toEqual([]);
    expect(result.text).toBe('<javascript:alert(1)|click>');
  });

  it('decodes the three escapes exactly once', () => {
    expect(plain('a &amp; b &lt;c&gt; &amp;lt; &quot;').text).toBe('a & b <c> &lt; &quot;');
    expect(decodeSlackEntities('&amp;amp;')).toBe('&amp;');
  });

  it('keeps script tags as literal text', () => {
    expect(plain('&lt;script&gt;alert(1)&lt;/script&gt;').text).toBe('<script>alert(1)</script>');
    expect(plain('<script>alert(1)</script>').text).toBe('<script>alert(1)</script>');
  });

  it('keeps formatting markers as typed', () => {
    expect(plain('*bold* _it_ ~gone~ `code`\n```block```').text).toBe('*bold* _it_ ~gone~ `code`\n```block```');
  });
});
