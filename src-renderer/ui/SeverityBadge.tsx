import { SEVERITY_MEANING, type Severity } from '@core/model/severity';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge severity-${severity.toLowerCase()}`} title={SEVERITY_MEANING[severity]}>
      {severity}
    </span>
  );
}
