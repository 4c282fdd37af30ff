import { memo, useMemo, useState } from 'react';
import { StageCache } from './stage-cache';
import { BACKGROUND_EVENTS, useStaged } from './use-staged';
import type { Incident } from '@core/model/incident';
import type { TimelineEvent } from '@core/model/event';
import type { Milestone } from '@core/model/milestone';
import type { KeyMoment } from '@core/timeline/bursts';
import { findCanReports } from '@core/timeline/can-report';
import { suggestMilestonesSteps, type MilestoneSuggestion, type SuggestionCandidate } from '@core/milestones/suggest-milestones';
import { redactedText } from '@core/timeline/redaction';
import { useToast } from '@ui/toast-context';
import { CanPanel } from './CanPanel';
import { KeyMomentsPanel } from './KeyMomentsPanel';
import { MetricsPanel } from './MetricsPanel';
import { MilestonesPanel } from './MilestonesPanel';
import { setPinned, structuredCanReport } from '@data/events';
import { db } from '@data/connection';
import { addMilestone, deleteMilestone, restoreMilestone } from '@data/milestones';
import { dismissedKey, dismissedSchema, NOTHING_DISMISSED } from './timeline-settings';
import { useSetting } from '@data/settings';

interface TimelineSidebarProps {
  incident: Incident;
  events: TimelineEvent[];
  milestones: Milestone[];
  zone: string;
  bursts: KeyMoment[];
  burstK: number;
  onBurstK: (k: number) => void;
  onJump: (eventId: string) => void;
  onAddMilestone: () => void;
  onEditMilestone: (milestone: Milestone) => void;
  onAddManual: (mode: 'event' | 'can') => void;
  fail: (err: unknown) => void;
}

const CAN_SLICE = 256;
const suggestionKey = (s: MilestoneSuggestion) => `${s.kind}|${s.label}|${s.eventId}`;
const NOTHING_FOUND: { pinned: TimelineEvent[]; suggestions: MilestoneSuggestion[]; canReports: ReturnType<typeof findCanReports> } = { pinned: [], suggestions: [], canReports: [] };

/** Memoised: it reads the whole incident, never the filtered view, so a filter or search does not re-render it. */
export const TimelineSidebar = memo(function TimelineSidebar(props: TimelineSidebarProps) {
  const { incident, events, milestones, zone, bursts, onJump, fail } = props;
  const toast = useToast();
  const dismissed = useSetting(dismissedKey(incident.id), dismissedSchema, NOTHING_DISMISSED, 0);

  // Suggestions and CAN reports read every event: on a large incident they are found after
  // the render, in slices (see useStaged), so an import's commit does not freeze the window, and
  // at background priority, so opening the incident, a filter, a search or scrolling go first.
  const [cache] = useState(() => new StageCache());
  const hiddenSuggestions = dismissed.value.suggestions;
  const found =
    useStaged(
      function* () {
        const pinned = cache.stage('pinned', [events], () => events.filter((e) => e.pinned));
        yield;
        const all = yield* cache.stageSteps('suggestions', [events, milestones], () => suggestMilestonesSteps(events, milestones));
        const suggestions = cache.stage('shown-suggestions', [all, hiddenSuggestions], () => {
          const hidden = new Set(hiddenSuggestions);
          return all.filter((s) => !hidden.has(suggestionKey(s)));
        });
        yield;
        const canReports = yield* cache.stageSteps('can', [events], function* () {
          // A slice of events at a time: the scan reads every text, and runs while the reader scrolls.
          const found: ReturnType<typeof findCanReports> = [];
          for (let start = 0; start < events.length; start += CAN_SLICE) {
            const slice = events.slice(start, start + CAN_SLICE);
            // What is redacted stays out of the panel too: this screen is projected in the review.
            const shown = slice.map((e) => (e.redacted || e.redactions.length > 0 ? { ...e, text: redactedText(e) } : e));
            const reports = findCanReports(shown);
            const byId = new Map(reports.length ? slice.map((e) => [e.id, e]) : []);
            for (const entry of reports) {
              const event = byId.get(entry.eventId);
              const structured = event && !event.redacted && event.redactions.length === 0 ? structuredCanReport(event.raw) : null;
              found.push(structured ? { ...entry, ...structured } : entry);
            }
            yield;
          }
          // Stable, and each slice's reports are already in event order: the same order as one pass.
          return found.sort((a, b) => a.at - b.at);
        });
        return { pinned, suggestions, canReports };
      },
      [events, milestones, hiddenSuggestions],
      events.length > BACKGROUND_EVENTS,
      'background',
    ) ?? NOTHING_FOUND;
  const { pinned, suggestions, canReports } = found;
  const candidates = useMemo(() => {
    const hidden = new Set(dismissed.value.bursts);
    // A burst whose minutes already hold a key moment has been dealt with.
    return bursts.filter((b) => !hidden.has(b.peak) && !pinned.some((e) => e.at >= b.from && e.at < b.to));
  }, [bursts, pinned, dismissed.value.bursts]);

  const removeMilestone = (m: Milestone) => {
    deleteMilestone(m.id).then(
      () => toast.show({ message: `Deleted milestone “${m.label}”.`, actionLabel: 'Undo', onAction: () => void restoreMilestone(m).catch(fail) }),
      fail,
    );
  };
  const acceptBurst = (burst: KeyMoment) => {
    const first = events.find((e) => e.at >= burst.peak);
    if (first) void setPinned(db, first, true).then(() => onJump(first.id), fail);
  };

  return (
    <aside className="tl-side" aria-label="Milestones, metrics and key moments">
      <MetricsPanel incident={incident} milestones={milestones} />
      <MilestonesPanel
        milestones={milestones}
        suggestions={suggestions}
        zone={zone}
        onAdd={props.onAddMilestone}
        onEdit={props.onEditMilestone}
        onDelete={removeMilestone}
        onJump={onJump}
        onConfirm={(s: MilestoneSuggestion, pick: SuggestionCandidate = s) =>
          void addMilestone(incident.id, { kind: s.kind, label: s.label, at: pick.at, eventId: pick.eventId, note: pick.reason }).catch(fail)
        }
        onDismiss={(s) => dismissed.set({ ...dismissed.value, suggestions: [...dismissed.value.suggestions, suggestionKey(s)] })}
      />
      <KeyMomentsPanel
        pinned={pinned}
        bursts={candidates}
        burstK={props.burstK}
        zone={zone}
        onJump={onJump}
        onAddManual={() => props.onAddManual('event')}
        onAcceptBurst={acceptBurst}
        onDismissBurst={(b) => dismissed.set({ ...dismissed.value, bursts: [...dismissed.value.bursts, b.peak] })}
        onBurstK={props.onBurstK}
        onShowBurst={(b) => {
          const first = events.find((e) => e.at >= b.from);
          if (first) onJump(first.id);
        }}
      />
      <CanPanel reports={canReports} zone={zone} onJump={onJump} onAdd={() => props.onAddManual('can')} />
    </aside>
  );
});
