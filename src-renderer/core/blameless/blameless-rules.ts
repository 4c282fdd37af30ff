import { z } from 'zod';
import { BlamelessRulesError } from './blameless-error';
import shippedRules from './blameless-rules.json';

const ruleId = z.string().regex(/^[a-z0-9-]+$/, 'rule ids are lower-case words joined by dashes');

const patternRuleSchema = z.object({
  id: ruleId,
  kind: z.literal('pattern'),
  /** Regex source, matched case-insensitively between word boundaries. */
  pattern: z.string().min(1),
  explanation: z.string().min(1),
  suggestion: z.string().min(1),
});

const personFailureRuleSchema = z.object({
  id: ruleId,
  kind: z.literal('person-failure'),
  /** Words allowed between the name and the verb ("Alice accidentally broke"). */
  modifiers: z.array(z.string().min(1)),
  /** Regex sources of failure verbs. */
  verbs: z.array(z.string().min(1)).min(1),
  explanation: z.string().min(1),
  suggestion: z.string().min(1),
});

const ruleSchema = z.discriminatedUnion('kind', [patternRuleSchema, personFailureRuleSchema]);

export const blamelessRulesFileSchema = z.object({
  version: z.literal(1),
  rules: z.array(ruleSchema).min(1),
});

export type BlamelessPatternRule = z.infer<typeof patternRuleSchema>;
export type BlamelessPersonRule = z.infer<typeof personFailureRuleSchema>;
export type BlamelessRule = z.infer<typeof ruleSchema>;

/** Checks a rules file (shipped or user-supplied) and compiles every pattern once, so bad regexes fail on load. */
export function parseBlamelessRules(data: unknown): BlamelessRule[] {
  const parsed = blamelessRulesFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new BlamelessRulesError('INVALID_RULES', `Blameless rules file is invalid: ${z.prettifyError(parsed.error)}`, null, {
      cause: parsed.error,
    });
  }
  const seen = new Set<string>();
  for (const rule of parsed.data.rules) {
    if (seen.has(rule.id)) {
      throw new BlamelessRulesError('INVALID_RULES', `Rule id "${rule.id}" is used twice.`, rule.id);
    }
    seen.add(rule.id);
    const sources = rule.kind === 'pattern' ? [rule.pattern] : [...rule.verbs, ...rule.modifiers];
    for (const source of sources) {
      try {
        new RegExp(source, 'giu');
      } catch (cause) {
        throw new BlamelessRulesError('INVALID_PATTERN', `Rule "${rule.id}" has an invalid pattern: ${source}`, rule.id, { cause });
      }
    }
  }
  return parsed.data.rules;
}

/** The rules shipped with the app. */
export const BLAMELESS_RULES: readonly BlamelessRule[] = parseBlamelessRules(shippedRules);
