import type { StandardMilestoneKind } from '../model/milestone';

/**
 * What responders write when an incident moves on. Each rule gives a milestone kind, how sure a
 * match makes us (0..1) and the reason shown to the reviewer. Declarations ("Stage: Verify",
 * "we are Under Control", "All Clear") are the strongest evidence; things that usually happen
 * at the moment (a rollback, "paging the identity team") are next; anything that merely hints
 * is weaker. Negations and questions ("not under control", "all clear?") never count.
 */
export interface TextRule {
  kind: StandardMilestoneKind;
  pattern: RegExp;
  confidence: number;
  reason: string;
}

const stage = (kind: StandardMilestoneKind, name = kind) =>
  new RegExp(String.raw`\b(?:stage|moving to|moved to|we(?:'re| are) (?:now )?in)\s*[:\-–]?\s*${name}\b`, 'i');

export const TEXT_RULES: readonly TextRule[] = [
  { kind: 'Detect', pattern: stage('Detect'), confidence: 0.95, reason: 'A responder declared the Detect stage' },
  { kind: 'Detect', pattern: /\b(?:alert|alarm|page)\s+(?:just\s+)?(?:fired|went off|triggered)\b/i, confidence: 0.7, reason: 'A responder reported the alert firing' },
  { kind: 'Detect', pattern: /\bgetting paged\b|\bgot paged\b/i, confidence: 0.6, reason: 'A responder reported being paged' },

  { kind: 'Assemble', pattern: stage('Assemble'), confidence: 0.95, reason: 'A responder declared the Assemble stage' },
  { kind: 'Assemble', pattern: /(?:^|\s|`)\/assemble\b/i, confidence: 0.95, reason: 'The incident bot’s /assemble command' },
  {
    kind: 'Assemble',
    pattern: /\b(?:i(?:'m| am) (?:taking|the) ic\b|taking ic\b|ic is (?:me|<@|@?\w)|i(?:'m| am) (?:the )?incident commander|is now the incident (?:lead|commander))/i,
    confidence: 0.8,
    reason: 'The Incident Commander took the role',
  },
  { kind: 'Assemble', pattern: /\bpaging\s+(?:the\s+)?[@<\w]/i, confidence: 0.75, reason: 'A responder paged more people' },

  { kind: 'Verify', pattern: stage('Verify'), confidence: 0.95, reason: 'A responder declared the Verify stage' },
  { kind: 'Verify', pattern: /^\s*(?:confirmed|verified)\b|\b(?:confirmed|verified) (?:the )?(?:cause|issue|problem|impact)\b/i, confidence: 0.85, reason: 'A responder confirmed the problem' },

  { kind: 'Dispatch', pattern: stage('Dispatch'), confidence: 0.95, reason: 'A responder declared the Dispatch stage' },
  { kind: 'Dispatch', pattern: /\b(?:smes?|experts?)\s+dispatched\b|\bdispatch(?:ed|ing)\b/i, confidence: 0.9, reason: 'The IC dispatched subject-matter experts' },

  { kind: 'Mitigate', pattern: stage('Mitigate'), confidence: 0.95, reason: 'A responder declared the Mitigate stage' },
  { kind: 'Mitigate', pattern: /\bmitigated\b|\bmitigation (?:is )?(?:in place|done|applied|complete)\b/i, confidence: 0.9, reason: 'A responder said it is mitigated' },
  {
    kind: 'Mitigate',
    pattern: /\brolled back\b|\brollback (?:is )?(?:done|complete|finished)\b|\b(?:traffic )?(?:shift|failover) (?:is )?done\b|\brestored\b/i,
    confidence: 0.8,
    reason: 'A responder reported the fix out (rollback, failover, restore)',
  },

  { kind: 'Repair', pattern: stage('Repair'), confidence: 0.95, reason: 'A responder declared the Repair stage' },
  { kind: 'Repair', pattern: /^\s*repair\s*:|\brepair(?:ed)?\s+(?:is\s+)?(?:done|complete|completed|finished)\b/i, confidence: 0.85, reason: 'A responder reported the repair done' },

  { kind: 'Under Control', pattern: /(?<!\bnot\s)(?<!\bnot yet\s)\bunder control\b(?!\s*\?)/i, confidence: 0.95, reason: 'A responder declared Under Control' },

  { kind: 'All Clear', pattern: /(?<!\bnot\s)(?<!\bnot yet\s)\ball[\s-]clear\b(?!\s*\?)/i, confidence: 0.95, reason: 'A responder declared All Clear' },
  { kind: 'All Clear', pattern: /\b(?:resolving|closing) (?:the |this )?(?:incident|inc-?\d+)\b/i, confidence: 0.7, reason: 'A responder closed the incident' },
];

/** Deploy records that undo a change are the fix going out. */
export const ROLLBACK_DEPLOY = /\brolled back\b|\brollback\b|\brevert(?:ed)?\b/i;
