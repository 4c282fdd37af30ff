import { chatTextToPlain } from '@core/chat-text/chat-text';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Incident } from '@core/model/incident';
import type { TimelineEvent } from '@core/model/event';
import type { Milestone } from '@core/model/milestone';
import { viewerTimeZone } from '@core/time/zones';
import { resolveZone } from '@core/timeline/day-groups';
import { activeFilterCount, emptyTimelineFilter, timelineFilterSchema } from '@core/timeline/filters';
import { sameEventPairKey } from '@core/timeline/same-event';
import { SOURCE_FORMAT_BADGE } from '@core/model/source';
import { deleteManualEvent, manualSourceId, restoreManualEvent, setPinned } from '@data/events';
import { db } from '@data/connection';
import { useToast } from '@ui/toast-context';
import { useStableHandlers } from '@ui/use-stable-handlers';
import { COMPACT_LAYOUT_QUERY, useMediaQuery } from '@ui/use-media-query';
import { ActivityOverview } from './ActivityOverview';
import { FilterBar } from './FilterBar';
import { KeyHints } from './KeyHints';
import { LayoutToggle } from './LayoutToggle';
import { TimelineList } from './TimelineList';
import type { EventAside } from './EventRow';
import type { EventRowActions } from './RowActions';
import { TimelineEmpty } from './TimelineEmpty';
import { TimelineSidebar } from './TimelineSidebar';
import { TimelineDialogs, type DialogState } from './TimelineDialogs';
import { ZoneSwitch } from './ZoneSwitch';
import { filterChoices, filterChoicesSteps } from './filter-options';
import { defaultMilestoneKind } from './milestone-defaults';
import { hasReplies, placeInFold, TimelineRows } from './timeline-rows';
import { DEFAULT_VIEW, filterKey, NO_SPLITS, sameEventSplitsKey, sameEventSplitsSchema, timelineViewSchema, viewKey } from './timeline-settings';
import { useOverviewData } from './use-overview-data';
import { useSearchIndex } from './use-search-index';
import { useSetting } from '@data/settings';
import { useMilestones } from '@data/milestones';
import { useSources } from '@data/sources';
import { useVisibleEvents } from './use-visible-events';
import { useTimelineKeys } from './use-timeline-keys';
import { useTimelineView, type TimelineView } from './use-timeline-view';
import { BACKGROUND_EVENTS, useStaged } from './use-staged';
import { StageCache } from './stage-cache';
import { EventLookup } from './event-lookup';
import { toLocalInputSeconds } from './zoned-time';
import { measureSince, nowMs, wallClock } from './perf';
import './timeline.css';

// Stable empty lists while loading, so memoised views don't recompute.
const NONE_YET: never[] = [];

const EMPTY_FILTER = emptyTimelineFilter();
const NO_IDS: ReadonlySet<string> = new Set();
const NO_EVENTS: TimelineEvent[] = [];
const NO_VIEW: TimelineView = { filtered: new Int32Array(0), same: { merged: new Map(), shownIn: new Map() }, fold: { top: [], replies: new Map(), parentOf: new Map() }, rows: TimelineRows.EMPTY, hits: [] };
const NO_CHOICES = filterChoices([], [], '');

/** A request to select an event, from the route: one object per navigation, so the same event asked again is selected again. */
export interface TimelineFocus {
  readonly eventId: string;
}

interface TimelineTabProps {
  incident: Incident;
  eventAside?: EventAside;
  /** Arriving from a postmortem reference, an annotation or an action item: the event to select. */
  focus?: TimelineFocus;
  /** Told whenever the selected event changes (the app keeps it in the address). */
  onSelect?: (eventId: string | null) => void;
}

export function TimelineTab({ incident, eventAside, focus, onSelect }: TimelineTabProps) {
  const incidentId = incident.id;
  const [mountedAt] = useState(nowMs);
  const { events, complete, postings, uncovered, searchIndex } = useVisibleEvents(incidentId);
  const milestones = useMilestones(incidentId) ?? NONE_YET;
  const sources = useSources(incidentId) ?? NONE_YET;
  const filterSetting = useSetting(filterKey(incidentId), timelineFilterSchema, EMPTY_FILTER);
  const viewSetting = useSetting(viewKey(incidentId), timelineViewSchema, DEFAULT_VIEW);
  // Derived views wait for the whole list; the first page only paints the first screen.
  const index = useSearchIndex(incidentId, complete ? events : undefined, postings, uncovered, searchIndex);
  const toast = useToast();
  const filter = filterSetting.value;
  const setFilter = filterSetting.set;
  const zone = resolveZone(viewSetting.value.zone, incident.timeZone);
  const incidentZone = resolveZone('incident', incident.timeZone);

  const [expanded, setExpanded] = useState<ReadonlySet<string>>(NO_IDS);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(NO_IDS);
  // Arriving with a focus request starts with that event selected.
  const [selectedId, setSelectedId] = useState<string | null>(focus?.eventId ?? null);
  const [jump, setJump] = useState<{ id: string; nonce: number; focus?: boolean } | null>(focus ? { id: focus.eventId, nonce: 1 } : null);
  const [takenFocus, setTakenFocus] = useState(focus);
  const [dialog, setDialog] = useState<DialogState>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // Short or narrow windows start with the chart and the filter row folded away, so the list
  // starts near the top; the reviewer can open either (null: follow the window).
  const compact = useMediaQuery(COMPACT_LAYOUT_QUERY);
  const [chartOpen, setChartOpen] = useState<boolean | null>(null);
  const [filtersOpen, setFiltersOpen] = useState<boolean | null>(null);
  const showChart = chartOpen ?? !compact;
  const showFilters = filtersOpen ?? !compact;

  const splitSetting = useSetting(sameEventSplitsKey(incidentId), sameEventSplitsSchema, NO_SPLITS);
  const splits = useMemo(() => new Set(splitSetting.value), [splitSetting.value]);
  const stagedView = useTimelineView(events, filter, zone, expanded, index, splits);
  const view = stagedView ?? NO_VIEW;
  const overview = useOverviewData(complete ? events : undefined, milestones, viewSetting.value.burstK);
  const [lookupCache] = useState(() => new StageCache());
  const choices =
    useStaged(
      function* () {
        const list = events ?? NO_EVENTS;
        return yield* lookupCache.stageSteps('choices', [list, sources, incidentId], () => filterChoicesSteps(list, sources, manualSourceId(incidentId)));
      },
      [events, sources, incidentId],
      (events?.length ?? 0) > BACKGROUND_EVENTS,
    ) ?? NO_CHOICES;
  const byId = useMemo(() => new EventLookup(events ?? NO_EVENTS), [events]);
  const milestonesByEvent = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const m of milestones) if (m.eventId) map.set(m.eventId, [...(map.get(m.eventId) ?? []), m.label]);
    return map;
  }, [milestones]);

  const fail = useCallback((err: unknown) => toast.show({ tone: 'error', message: err instanceof Error ? err.message : String(err) }), [toast]);

  /** Selects an event and scrolls to it, opening its thread or explaining a filter hides it. */
  const jumpTo = (id: string, focus = false) => {
      const { parentId: parent, top } = placeInFold(view.fold, id);
      if (parent !== undefined && !expanded.has(parent)) setExpanded(new Set([...expanded, parent]));
      if (parent === undefined && !top) {
        toast.show({ message: 'That event is hidden by the current filters.', actionLabel: 'Clear filters', onAction: () => setFilter(emptyTimelineFilter()) });
      }
      setSelectedId(id);
      setJump((j) => ({ id, nonce: (j?.nonce ?? 0) + 1, focus }));
  };

  // A later request while the Timeline shows (Back/Forward between events): select and scroll.
  if (focus !== takenFocus) {
    setTakenFocus(focus);
    if (focus && focus.eventId !== selectedId) {
      setSelectedId(focus.eventId);
      setJump((j) => ({ id: focus.eventId, nonce: (j?.nonce ?? 0) + 1 }));
    }
  }
  useEffect(() => onSelect?.(selectedId), [onSelect, selectedId]);

  const selected = selectedId ? byId.get(selectedId) : undefined;
  const togglePin = (event: TimelineEvent) => void setPinned(db, event, !event.pinned).catch(fail);
  const openMilestone = (event: TimelineEvent | null, existing?: Milestone) => {
    if (existing) {
      setDialog({ type: 'milestone', state: { id: existing.id, kind: existing.kind, label: existing.label, time: toLocalInputSeconds(existing.at, incidentZone), eventId: existing.eventId, note: existing.note, impact: existing.impact ?? null } });
      return;
    }
    const at = event?.at ?? incident.detectedAt ?? incident.startedAt ?? wallClock();
    setDialog({
      type: 'milestone',
      state: { kind: defaultMilestoneKind(milestones), label: '', time: toLocalInputSeconds(at, incidentZone), eventId: event?.id ?? null, eventSummary: event ? `${event.actorName}: ${chatTextToPlain(event.text).slice(0, 80)}` : undefined, note: '' },
    });
  };

  const hitPos = selectedId ? view.hits.indexOf(selectedId) : -1;
  const stepHit = (delta: 1 | -1) => {
    if (view.hits.length === 0) return;
    const next = hitPos === -1 ? (delta === 1 ? 0 : view.hits.length - 1) : (hitPos + delta + view.hits.length) % view.hits.length;
    const id = view.hits[next];
    if (id) jumpTo(id);
  };

  useTimelineKeys(
    {
      move: (delta) => {
        const at = selectedId ? view.rows.indexOfEvent(selectedId) : -1;
        const next = view.rows.eventAt(view.rows.stepEvent(at, delta));
        if (next) jumpTo(next.id, true);
      },
      pin: () => selected && togglePin(selected),
      milestone: () => selected && openMilestone(selected),
      thread: () => selectedId && hasReplies(view.fold, selectedId) && setExpanded(toggle(expanded, selectedId)),
      focusSearch: () => searchRef.current?.focus(),
      nextHit: () => stepHit(1),
      prevHit: () => stepHit(-1),
      escape: () => {
        if (filter.query !== '') setFilter({ ...filter, query: '' });
        else setSelectedId(null);
        if (document.activeElement === searchRef.current) searchRef.current?.blur();
      },
    },
    dialog === null,
  );

  // One object for every render (see useStableHandlers): the memoised rows re-render only when
  // their own data changes, not on each filter, search key or selection.
  const rowActions = useStableHandlers<EventRowActions>({
    select: setSelectedId,
    togglePin,
    toggleThread: (id) => setExpanded(toggle(expanded, id)),
    splitSameEvent: (row, other) => {
      const key = sameEventPairKey(row.id, other.id);
      const before = splitSetting.value;
      splitSetting.set([...before.filter((k) => k !== key), key]);
      toast.show({
        message: `Split the ${SOURCE_FORMAT_BADGE[other.sourceFormat]} record onto a row of its own.`,
        actionLabel: 'Undo',
        onAction: () => splitSetting.set(before),
      });
    },
    setMilestone: (event) => openMilestone(event),
    redact: (event) => setDialog({ type: 'redact', eventId: event.id }),
    deleteManual: (event) =>
      void deleteManualEvent(db, event).then(
        () => toast.show({ message: 'Deleted the manual event.', actionLabel: 'Undo', onAction: () => void restoreManualEvent(db, event).catch(fail) }),
        fail,
      ),
    toggleReveal: (id) => setRevealed(toggle(revealed, id)),
  });

  // The chart and the sidebar are memoised: stable handlers and selection keep them from
  // re-rendering on every filter, search key or scrolled-in page.
  const panelActions = useStableHandlers({
    selectRange: (from: number, to: number) => setFilter({ ...filter, from, to }),
    clearRange: () => setFilter({ ...filter, from: null, to: null }),
    setBurstK: (burstK: number) => viewSetting.set({ ...viewSetting.value, burstK }),
    jump: (id: string) => jumpTo(id),
    addMilestone: () => openMilestone(null),
    editMilestone: (m: Milestone) => openMilestone(null, m),
    addManual: (mode: 'event' | 'can') => setDialog({ type: 'manual', mode, time: toLocalInputSeconds(selected?.at ?? incident.startedAt ?? wallClock(), incidentZone) }),
  });
  const selection = useMemo(() => ({ from: filter.from, to: filter.to }), [filter.from, filter.to]);
  // The row to scroll to is looked up once per jump and list, not on every render (a scan of the rows).
  // The jump is applied again once the whole list is in: the first page may not hold the event.
  const scrollTo = useMemo(
    () => (jump ? { index: view.rows.indexOfEvent(jump.id), nonce: jump.nonce * 2 + (complete ? 1 : 0), focus: jump.focus } : null),
    [jump, view.rows, complete],
  );

  const onFirstRows = useCallback(() => {
    measureSince('timeline:first-rows', mountedAt);
  }, [mountedAt]);

  if (events === undefined || stagedView === undefined || (events.length === 0 && !complete) || !filterSetting.loaded || !viewSetting.loaded) return <p className="loading">Loading the timeline…</p>;

  const zoneLabel = zone === 'UTC' ? 'UTC' : zone;
  const initialTime = toLocalInputSeconds(selected?.at ?? incident.startedAt ?? wallClock(), incidentZone);

  return (
    <div className="tl">
      <div className="tl-main">
        {events.length === 0 ? (
          <TimelineEmpty incident={incident} onAddManual={() => setDialog({ type: 'manual', mode: 'event', time: initialTime })} />
        ) : (
          <>
            {overview.range && showChart && (
              <ActivityOverview
                range={overview.range}
                buckets={overview.buckets}
                milestones={milestones}
                bursts={overview.bursts}
                selection={selection}
                zone={zone}
                onSelect={panelActions.selectRange}
                onClear={panelActions.clearRange}
              />
            )}
            {/* On short windows the clock choice folds away with the filters; the day headings still name the zone. */}
            {(!compact || showFilters) && (
              <div className="tl-toolbar">
                <ZoneSwitch value={viewSetting.value.zone} incidentZone={incidentZone} viewerZone={viewerTimeZone()} onChange={(zoneChoice) => {
                    viewSetting.set({ ...viewSetting.value, zone: zoneChoice });
                    // Days are cut differently in another zone; keep the selected event in view.
                    if (selectedId) setJump((j) => ({ id: selectedId, nonce: (j?.nonce ?? 0) + 1 }));
                  }} />
                {!compact && <KeyHints />}
              </div>
            )}
            <FilterBar
              filter={filter}
              onChange={setFilter}
              choices={choices}
              zone={zone}
              zoneLabel={zoneLabel}
              shown={view.filtered.length}
              total={events.length}
              complete={complete}
              hits={{ count: view.hits.length, current: hitPos + 1, onPrev: () => stepHit(-1), onNext: () => stepHit(1) }}
              searchRef={searchRef}
              indexing={!index.ready && filter.query.trim() !== ''}
              showFilterRow={showFilters}
              toggles={
                compact && (
                  <span className="tl-layout-toggles">
                    <LayoutToggle label="Activity chart" open={showChart} onToggle={() => setChartOpen(!showChart)} />
                    <LayoutToggle label="Filters" count={activeFilterCount(filter)} open={showFilters} onToggle={() => setFiltersOpen(!showFilters)} />
                  </span>
                )
              }
            />
            {view.rows.length === 0 ? (
              <p className="tl-no-match">
                No events match these filters.{' '}
                <button type="button" className="link-button" onClick={() => setFilter(emptyTimelineFilter())}>
                  Clear filters
                </button>
              </p>
            ) : (
              <TimelineList
                rows={view.rows}
                zone={zone}
                zoneLabel={zoneLabel}
                selectedId={selectedId}
                query={filter.query}
                revealed={revealed}
                milestonesByEvent={milestonesByEvent}
                sameEvents={view.same.merged}
                scrollTo={scrollTo}
                onFirstRows={onFirstRows}
                eventAside={eventAside}
                actions={rowActions}
              />
            )}
          </>
        )}
      </div>
      <TimelineSidebar
        incident={incident}
        events={complete ? events : NO_EVENTS}
        milestones={milestones}
        zone={zone}
        bursts={overview.bursts}
        burstK={viewSetting.value.burstK}
        onBurstK={panelActions.setBurstK}
        onJump={panelActions.jump}
        onAddMilestone={panelActions.addMilestone}
        onEditMilestone={panelActions.editMilestone}
        onAddManual={panelActions.addManual}
        fail={fail}
      />
      <TimelineDialogs dialog={dialog} incidentId={incidentId} zone={incidentZone} byId={byId} onClose={() => setDialog(null)} />
    </div>
  );
}

function toggle(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
