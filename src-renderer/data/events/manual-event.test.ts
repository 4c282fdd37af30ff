import { describe, expect, it } from 'vitest';
import { recogniseCanReport } from '@core/timeline/can-report';
import { buildManualEvent, canReportText, structuredCanReport } from './event-writes';

describe('manual events', () => {
  it('belong to the manual source with a dedupe key of their own', () => {
    const event = buildManualEvent({ incidentId: 'i1', at: 1000, typed: '2024-06-13T00:05:00 America/Los_Angeles', actorName: ' Tom ', text: ' Bridge call ' }, 'e1');
    expect(event).toMatchObject({ sourceId: 'manual:i1', sourceFormat: 'manual', dedupeKey: 'manual:e1', kind: 'note', actorName: 'Tom', text: 'Bridge call', pinned: false, redacted: false });
  });

  it('write CAN reports as text the recogniser reads back, and keep the structure in raw', () => {
    const can = { conditions: 'Error rate 0.4%', actions: 'Watching\nfor 30 min', needs: 'Nothing' };
    expect(recogniseCanReport(canReportText(can))).toEqual(can);
    expect(structuredCanReport({ can })).toEqual(can);
    expect(structuredCanReport({ can: { conditions: 1 } })).toBeNull();
    expect(structuredCanReport(null)).toBeNull();
  });
});
