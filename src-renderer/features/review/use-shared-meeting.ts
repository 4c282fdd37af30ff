import { useEffect, useState, useSyncExternalStore } from 'react';
import { newId } from '@core/ids';
import { teamSync } from '@data/sync';
import { SharedMeeting, type MeetingSnapshot } from './shared-meeting';

/** This window's session: the facilitator's window drives the agenda, even with the same name elsewhere. */
export const MEETING_SESSION = newId();

export interface SharedMeetingView {
  meeting: SharedMeeting;
  snapshot: MeetingSnapshot;
  /** The name Team sync shows to teammates. */
  userName: string;
}

/** The shared review meeting of a shared incident (null for a solo incident, or while it opens). */
export function useSharedMeeting(incidentId: string): SharedMeetingView | null {
  useSyncExternalStore(teamSync.subscribe, teamSync.getVersion);
  const client = teamSync.isShared(incidentId) ? teamSync.connection() : null;
  const [view, setView] = useState<{ key: string; value: SharedMeetingView } | null>(null);
  const key = client ? `${client.team}/${incidentId}` : '';

  useEffect(() => {
    if (!client) return;
    const handle = client.open({ kind: 'meeting', team: client.team, incidentId });
    let stop: (() => void) | null = null;
    let cancelled = false;
    void handle.whenLocalLoaded.then(() => {
      if (cancelled) return;
      const meeting = new SharedMeeting(handle.doc);
      const publish = () => setView({ key, value: { meeting, snapshot: meeting.snapshot(), userName: client.user.name } });
      publish();
      stop = meeting.onChange(publish);
    });
    return () => {
      cancelled = true;
      stop?.();
      handle.release();
    };
  }, [client, key, incidentId]);

  return client && view?.key === key ? view.value : null;
}
