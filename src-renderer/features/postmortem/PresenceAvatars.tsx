import { useEffect, useState } from 'react';
import type { SharedDocument } from './use-shared-document';

interface Person {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

/** Initials for an avatar: the first letters of the first two words ("Ana" is "A": two letters of one name crowd the circle). */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => [...word][0] ?? '')
    .join('')
    .toUpperCase() || '?';
}

/**
 * Who has this postmortem open right now. The editor publishes `name`/`color` in awareness while
 * it is mounted (Lexical's cursor state); the app publishes only `user` when the document is open
 * in the background, so those people are not "here".
 */
function peopleHere(awareness: SharedDocument['awareness']): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const name = typeof state.name === 'string' ? state.name : null;
    if (!name) continue;
    people.push({ clientId, name, color: typeof state.color === 'string' ? state.color : 'gray', self: clientId === awareness.clientID });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** Presence avatars: "3 people here", each with their colour (the same as their cursor). */
export function PresenceAvatars({ shared }: { shared: SharedDocument }) {
  const { awareness } = shared;
  const [people, setPeople] = useState<Person[]>(() => peopleHere(awareness));
  useEffect(() => {
    const update = () => setPeople(peopleHere(awareness));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  const label = people.length === 1 ? 'Only you here' : `${people.length} people here`;
  return (
    <div className="pm-presence" role="group" aria-label={label} title={people.map((p) => (p.self ? `${p.name} (you)` : p.name)).join(', ')}>
      <ul className="pm-presence-avatars">
        {people.map((person) => (
          <li key={person.clientId} className="pm-avatar" style={{ backgroundColor: person.color }} aria-label={person.self ? `${person.name} (you)` : person.name}>
            {initials(person.name)}
          </li>
        ))}
      </ul>
      <span className="pm-presence-count">{label}</span>
    </div>
  );
}
