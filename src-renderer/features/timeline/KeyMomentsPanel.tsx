import { chatTextToPlain } from '@core/chat-text/chat-text';
import type { TimelineEvent } from '@core/model/event';
import type { KeyMoment } from '@core/timeline/bursts';
import { formatInZone } from '@core/time/format-in-zone';
import { redactedText } from '@core/timeline/redaction';

interface KeyMomentsPanelProps {
  pinned: TimelineEvent[];
  bursts: KeyMoment[];
  burstK: number;
  zone: string;
  onJump: (eventId: string) => void;
  onAddManual: () => void;
  onAcceptBurst: (burst: KeyMoment) => void;
  onDismissBurst: (burst: KeyMoment) => void;
  onBurstK: (k: number) => void;
  onShowBurst: (burst: KeyMoment) => void;
}

export function KeyMomentsPanel({ pinned, bursts, burstK, zone, onJump, onAddManual, onAcceptBurst, onDismissBurst, onBurstK, onShowBurst }: KeyMomentsPanelProps) {
  return (
    <section className="tl-panel" aria-labelledby="tl-moments-title">
      <div className="tl-panel-head">
        <h2 id="tl-moments-title">Key moments</h2>
        <button type="button" onClick={onAddManual}>
          + Event
        </button>
      </div>
      {pinned.length === 0 && <p className="muted tl-hint">Pin events with ☆ or P; they become the story of the review.</p>}
      <ol className="tl-moments">
        {pinned.map((event) => (
          <li key={event.id}>
            <button type="button" className="tl-moment" onClick={() => onJump(event.id)}>
              <time>{formatInZone(event.at, zone, 'HH:mm:ss')}</time>
              <span className="tl-moment-text">
                <strong>{event.actorName || 'Unknown'}</strong> {truncate(chatTextToPlain(redactedText(event)), 90)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <h3 className="tl-subtitle">
        Activity bursts
        <label className="tl-burst-k">
          <span className="muted">threshold z ≥</span>
          <input type="number" min={1} max={10} step={0.5} value={burstK} aria-label="Burst threshold (z-score)" onChange={(e) => Number(e.target.value) >= 1 && onBurstK(Number(e.target.value))} />
        </label>
      </h3>
      {bursts.length === 0 ? (
        <p className="muted tl-hint">No unusual bursts of activity at this threshold.</p>
      ) : (
        <ul className="tl-suggestions">
          {bursts.map((burst) => (
            <li key={burst.peak}>
              <span>
                <button type="button" className="link-button" onClick={() => onShowBurst(burst)}>
                  {formatInZone(burst.from, zone, 'HH:mm')}–{formatInZone(burst.to, zone, 'HH:mm')}
                </button>{' '}
                {burst.count} events ({Math.round(burst.count / Math.max(1, (burst.to - burst.from) / 60_000))}/min, z {burst.zScore.toFixed(1)})
              </span>
              <span className="tl-suggestion-actions">
                <button type="button" onClick={() => onAcceptBurst(burst)} title="Pin the first event of the busiest minute">
                  Pin
                </button>
                <button type="button" className="link-button" onClick={() => onDismissBurst(burst)}>
                  Dismiss
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
