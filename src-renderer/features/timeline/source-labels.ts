import type { SourceFormat } from '@core/model/source';

export const SOURCE_LABEL: Record<SourceFormat, string> = {
  'slack-export': 'Slack',
  pagerduty: 'PagerDuty',
  statuspage: 'Statuspage',
  alertmanager: 'Alertmanager',
  'csv-timeline': 'CSV',
  manual: 'Manual',
};
