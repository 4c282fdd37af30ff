export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What each level means, shown wherever a severity is picked. */
export const SEVERITY_MEANING: Record<Severity, string> = {
  SEV1: 'Service down: critical customer impact',
  SEV2: 'Major degradation: significant customer impact',
  SEV3: 'Minor degradation: limited customer impact',
  SEV4: 'No user impact: internal or cosmetic',
};

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
