/**
 * Severity changes written by responders: "elevating to SEV2", "severity → SEV2", "this is now a
 * Sev-1", "declaring SEV 1", "lowering to sev 3", a bot's "Severity changed from SEV3 to SEV2".
 * Bare "P1"/"high" only count next to the words severity/priority/urgency: "moved traffic to p1"
 * names a cluster far more often than a priority. Questions ("sev 1?") are not changes.
 */
const SEV_LEVEL = String.raw`(?:sev(?:erity)?[\s-]?[0-5])`;
const ANY_LEVEL = String.raw`(?:sev(?:erity)?[\s-]?[0-5]|p[0-5]|high|low|critical|major|minor)`;
const VERBS = String.raw`(?:upgrad|downgrad|escalat|elevat|bump|rais|lower|mov|chang|reclassif|promot|demot)`;
const SEVERITY_PATTERNS = [
  // "upgrading to SEV1", "elevating to SEV2", "lowering to sev 3", "bumping this to sev-2"
  new RegExp(String.raw`\b${VERBS}\w*\b[^.!?\n]{0,40}?\bto\s+(?:an?\s+)?(${SEV_LEVEL})\b(?!\s*\?)`, 'i'),
  // "severity changed to SEV2", "priority set to P1", "urgency changed from low to high", "severity → SEV2"
  new RegExp(String.raw`\b(?:severity|priority|urgency)\b[^.!?\n]{0,40}?(?:\bto|→|->)\s*(${ANY_LEVEL})\b(?!\s*\?)`, 'i'),
  // "now a SEV1", "this is now SEV2"
  new RegExp(String.raw`\bnow\s+(?:an?\s+)?(${SEV_LEVEL})\b(?!\s*\?)`, 'i'),
  // "declaring SEV 1", "declare a sev2"
  new RegExp(String.raw`\bdeclar(?:e|ing)\s+(?:an?\s+|this\s+(?:an?\s+)?)?(${SEV_LEVEL})\b(?!\s*\?)`, 'i'),
];

/** The new level named by a severity-change message ("SEV2", "P1", "HIGH"), or null when it is not one. */
export function severityChangeIn(text: string): string | null {
  for (const pattern of SEVERITY_PATTERNS) {
    const level = pattern.exec(text)?.[1];
    if (level === undefined) continue;
    const sev = /^sev(?:erity)?[\s-]?([0-5])$/i.exec(level);
    return sev ? `SEV${sev[1]}` : level.toUpperCase();
  }
  return null;
}
