import { describe, expect, it } from 'vitest';
import { BLAMELESS_RULES, parseBlamelessRules } from './blameless-rules';
import { BlamelessRulesError } from './blameless-error';
import { lintBlameless, withoutDismissed } from './lint-blameless';

const people = ['Alice Smith', 'Bob', 'Carol'];
const lint = (text: string) => lintBlameless(text, { people });
const ruleIds = (text: string) => lint(text).map((f) => f.ruleId);

describe('lintBlameless: each rule', () => {
  it.each([
    ['human-error', 'This was human error.', 'human error'],
    ['should-have', 'We should have rolled back earlier.', 'should have'],
    ['should-have', "The team shouldn't have paged twice.", "shouldn't have"],
    ['failed-to', 'The on-call failed to acknowledge the page.', 'failed to'],
    ['careless', 'A careless change went out.', 'careless'],
    ['negligent', 'It was negligent to skip review.', 'negligent'],
    ['root-cause', 'The root cause was a bad config.', 'root cause'],
    ['why-didnt', 'Why didn’t anyone roll back?', 'Why didn’t'],
    ['if-only', 'If only the alert had fired.', 'If only'],
    ['fault-of', 'It was the fault of the release team.', 'fault of'],
    ['blame', 'Nobody wants to blame the DBA.', 'blame'],
    ['mistake-by', 'A mistake by the operator deleted the table.', 'mistake by'],
    ['dropped-the-ball', 'Someone dropped the ball on the handover.', 'dropped the ball'],
    ['person-failure', 'Alice broke the deploy.', 'Alice broke'],
    ['person-failure', 'Bob forgot to renew the certificate.', 'Bob forgot'],
    ['person-failure', 'Carol missed the alert.', 'Carol missed'],
  ])('%s flags "%s"', (ruleId, text, match) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding?.ruleId).toBe(ruleId);
    expect(finding?.match).toBe(match);
    expect(text.slice(finding?.start, finding?.end)).toBe(match);
    expect(finding?.message.length).toBeGreaterThan(10);
    expect(finding?.suggestion.length).toBeGreaterThan(10);
  });

  it('suggests "contributing factors" for root cause', () => {
    expect(lint('root cause')[0]?.suggestion).toContain('contributing factors');
  });

  it('ships a rule for each required phrase', () => {
    expect(BLAMELESS_RULES.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'human-error', 'should-have', 'failed-to', 'careless', 'negligent', 'root-cause', 'why-didnt',
        'if-only', 'fault-of', 'blame', 'mistake-by', 'dropped-the-ball', 'person-failure',
      ]),
    );
  });
});

describe('lintBlameless: matching decisions', () => {
  it('is case-insensitive', () => {
    expect(ruleIds('HUMAN ERROR again')).toEqual(['human-error']);
    expect(ruleIds('alice broke prod')).toEqual(['person-failure']);
  });

  it('flags plural and hyphenated "root causes"', () => {
    expect(lint('The root causes were many; the root-cause analysis').map((f) => f.match)).toEqual(['root causes', 'root-cause']);
  });

  it('flags inflections of careless and negligent but not unrelated words', () => {
    expect(ruleIds('pure carelessness')).toEqual(['careless']);
    expect(ruleIds('acting negligently')).toEqual(['negligent']);
    expect(ruleIds('a carefully reviewed change')).toEqual([]);
  });

  it('does not flag "blameless" or words that merely contain a phrase', () => {
    expect(ruleIds('A blameless review of the blameworthy-free process')).toEqual([]);
    expect(ruleIds('The shoulder had no other issues; unfailed tonight')).toEqual([]);
  });

  it('handles curly apostrophes and returns the original characters', () => {
    const [finding] = lint('Bob didn’t check the dashboard');
    expect(finding?.ruleId).toBe('person-failure');
    expect(finding?.match).toBe('Bob didn’t check');
  });

  it('matches a full name, a given name and modifiers before the verb', () => {
    expect(lint('Alice Smith accidentally misconfigured the LB').map((f) => f.match)).toEqual(['Alice Smith accidentally misconfigured']);
    expect(lint('@Carol totally overlooked it').map((f) => f.match)).toEqual(['@Carol totally overlooked']);
  });

  it('does not flag names followed by neutral verbs or unknown names', () => {
    expect(lint('Alice restarted the pods. Carol paged the DBA. Dave broke nothing.')).toEqual([]);
    expect(lintBlameless('Alice broke the deploy', { people: [] })).toEqual([]);
  });

  it('does not flag a name embedded in another word', () => {
    expect(lint('Bobby missed nothing; Carolina forgot nothing')).toEqual([]);
  });

  it('skips quoted text, inline code and blockquotes (verbatim evidence)', () => {
    expect(lint('The message read "we should have rolled back" at 14:02.')).toEqual([]);
    expect(lint('Slack said “human error, sorry” then `failed to` in the log')).toEqual([]);
    expect(lint('> Bob forgot the flag\nSummary follows.')).toEqual([]);
  });

  it('an unbalanced quote does not hide the next line', () => {
    expect(ruleIds('He said "hmm\nWe should have known')).toEqual(['should-have']);
  });

  it('reports overlapping matches once, preferring the earlier, longer one', () => {
    const findings = lint('Bob failed to page and Bob should have known');
    expect(findings.map((f) => [f.ruleId, f.match])).toEqual([
      ['person-failure', 'Bob failed'],
      ['person-failure', 'Bob should have'],
    ]);
  });
});

describe('finding ids', () => {
  it('do not change when text elsewhere changes', () => {
    const before = lint('Human error. Then human error again.');
    const after = lint('A new first sentence. Human error. Then human error again.');
    expect(after.map((f) => f.id)).toEqual(before.map((f) => f.id));
    expect(after[0]?.start).not.toBe(before[0]?.start);
  });

  it('number repeated matches and differ between rules and texts', () => {
    const ids = lint('human error, Human  Error, root cause').map((f) => f.id);
    expect(ids[0]?.endsWith(':0')).toBe(true);
    expect(ids[1]?.endsWith(':1')).toBe(true);
    expect(ids[0]?.slice(0, -2)).toBe(ids[1]?.slice(0, -2));
    expect(new Set(ids).size).toBe(3);
    expect(ids[2]?.startsWith('root-cause:')).toBe(true);
  });

  it('withoutDismissed hides exactly the dismissed findings', () => {
    const findings = lint('human error and human error and if only');
    const ids = findings.map((f) => f.id);
    expect(withoutDismissed(findings, [ids[1] ?? '']).map((f) => f.id)).toEqual([ids[0], ids[2]]);
    expect(withoutDismissed(findings, [])).toEqual(findings);
  });
});

describe('parseBlamelessRules', () => {
  const rule = { id: 'x', kind: 'pattern', pattern: 'x', explanation: 'e', suggestion: 's' };

  it('rejects a malformed file with a typed error', () => {
    expect(() => parseBlamelessRules({ version: 1, rules: [{ ...rule, explanation: '' }] })).toThrow(BlamelessRulesError);
    expect(() => parseBlamelessRules({ rules: [] })).toThrow(expect.objectContaining({ code: 'INVALID_RULES' }));
  });

  it('rejects invalid regexes and duplicate ids, naming the rule', () => {
    expect(() => parseBlamelessRules({ version: 1, rules: [{ ...rule, pattern: '(' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_PATTERN', ruleId: 'x' }),
    );
    expect(() => parseBlamelessRules({ version: 1, rules: [rule, rule] })).toThrow(expect.objectContaining({ code: 'INVALID_RULES', ruleId: 'x' }));
  });

  it('accepts custom rules passed to the linter', () => {
    const rules = parseBlamelessRules({ version: 1, rules: [{ ...rule, id: 'obviously', pattern: 'obviously' }] });
    expect(lintBlameless('Obviously wrong; human error', { people: [], rules }).map((f) => f.ruleId)).toEqual(['obviously']);
  });
});
