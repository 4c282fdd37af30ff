import type { ZoneChoice } from '@core/timeline/day-groups';

interface ZoneSwitchProps {
  value: ZoneChoice;
  incidentZone: string;
  viewerZone: string;
  onChange: (zone: ZoneChoice) => void;
}

/** Which clock the timeline reads in: the incident's, UTC, or the viewer's own. */
export function ZoneSwitch({ value, incidentZone, viewerZone, onChange }: ZoneSwitchProps) {
  const options: { id: ZoneChoice; label: string; title: string }[] = [
    { id: 'incident', label: `Incident (${incidentZone})`, title: 'The zone set on the incident' },
    { id: 'utc', label: 'UTC', title: 'Coordinated Universal Time' },
    { id: 'viewer', label: `Mine (${viewerZone})`, title: 'This computer’s zone' },
  ];
  return (
    <fieldset className="tl-zone">
      <legend className="sr-only">Show times in</legend>
      {options.map((o) => (
        <label key={o.id} className={value === o.id ? 'is-on' : undefined} title={o.title}>
          <input type="radio" name="tl-zone" value={o.id} checked={value === o.id} onChange={() => onChange(o.id)} className="sr-only" />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
