import { useState } from 'react';
import type { Person } from '@core/model/person';
import { SOURCE_FORMAT_LABEL, type SourceFormat } from '@core/model/source';
import { db } from '@data/connection';
import { aliasId, mergePeople, normaliseName, renamePerson, splitAlias, undoMerge, usePeopleWithCounts } from '@data/people';
import { EmptyState } from '@ui/EmptyState';
import { useToast } from '@ui/toast-context';
import './people.css';

/** People across all incidents: rename, merge duplicates, split an alias out again. */
export function PeopleScreen() {
  const people = usePeopleWithCounts();
  const toast = useToast();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [keep, setKeep] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

  const fail = (error: unknown) => toast.show({ message: error instanceof Error ? error.message : String(error), tone: 'error' });

  if (people === undefined) return <p className="loading">Loading…</p>;
  if (people.length === 0) {
    return (
      <section className="people">
        <h1 className="page-title">People</h1>
        <EmptyState title="No people yet">
          <p>People appear here when you import a Slack export, a PagerDuty log or another source into an incident. The same person across sources is matched by email and name.</p>
        </EmptyState>
      </section>
    );
  }

  const words = normaliseName(filter).split(' ').filter(Boolean);
  const shown = people.filter(({ person }) => {
    const haystack = normaliseName([person.displayName, person.email ?? '', ...person.aliases.map((a) => `${a.name} ${a.email ?? ''} ${a.externalId}`)].join(' '));
    return words.every((word) => haystack.includes(word));
  });
  const byId = new Map(people.map((entry) => [entry.person.id, entry.person]));
  const chosen = selected.filter((id) => byId.has(id));
  const keepId = keep && chosen.includes(keep) ? keep : chosen[0];

  const toggle = (id: string, on: boolean) => setSelected((list) => (on ? [...list, id] : list.filter((x) => x !== id)));

  const merge = async () => {
    if (!keepId || chosen.length < 2) return;
    try {
      const undo = await mergePeople(db, keepId, chosen);
      setSelected([]);
      toast.show({
        message: `Merged ${chosen.length} people into ${byId.get(keepId)?.displayName ?? ''}.`,
        actionLabel: 'Undo',
        onAction: () => void undoMerge(db, undo).catch(fail),
        timeoutMs: 12_000,
      });
    } catch (error) {
      fail(error);
    }
  };

  const saveName = async () => {
    if (!renaming) return;
    try {
      await renamePerson(db, renaming.id, renaming.name);
      setRenaming(null);
    } catch (error) {
      fail(error);
    }
  };

  const split = async (person: Person, alias: string) => {
    try {
      const created = await splitAlias(db, person.id, alias);
      toast.show({ message: `${created.displayName} is now a separate person.`, tone: 'success' });
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="people" aria-labelledby="people-title">
      <h1 id="people-title" className="page-title">
        People
      </h1>
      <p className="muted">Everyone named in your imports, across incidents. Merge duplicates (e.g. a Slack user and a PagerDuty user) so the timeline shows one name; split an alias out if it was matched wrongly.</p>
      <div className="people-toolbar">
        <input type="search" placeholder="Filter by name, email or id" aria-label="Filter people" value={filter} onChange={(e) => setFilter(e.target.value)} />
        {chosen.length >= 2 ? (
          <div className="people-merge" role="group" aria-label="Merge selected people">
            <label>
              Keep
              <select value={keepId} onChange={(e) => setKeep(e.target.value)}>
                {chosen.map((id) => (
                  <option key={id} value={id}>
                    {byId.get(id)?.displayName}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="primary" onClick={() => void merge()}>
              Merge {chosen.length} people
            </button>
            <button type="button" onClick={() => setSelected([])}>
              Clear
            </button>
          </div>
        ) : (
          <span className="muted">Select two or more people to merge them.</span>
        )}
      </div>
      <ul className="people-list" aria-label="People">
        {shown.map(({ person, events }) => (
          <li key={person.id} className="person-row" aria-label={person.displayName}>
            <input type="checkbox" aria-label={`Select ${person.displayName}`} checked={chosen.includes(person.id)} onChange={(e) => toggle(person.id, e.target.checked)} />
            <div className="person-main">
              {renaming?.id === person.id ? (
                <form
                  className="person-rename"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void saveName();
                  }}
                >
                  <input aria-label={`New name for ${person.displayName}`} value={renaming.name} autoFocus onChange={(e) => setRenaming({ id: person.id, name: e.target.value })} onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)} />
                  <button type="submit" className="primary">
                    Save
                  </button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <div className="person-name">
                  <strong>{person.displayName}</strong>
                  {person.email && <span className="muted">{person.email}</span>}
                  <button type="button" className="link-button" onClick={() => setRenaming({ id: person.id, name: person.displayName })} aria-label={`Rename ${person.displayName}`}>
                    Rename
                  </button>
                </div>
              )}
              <ul className="person-aliases" aria-label={`Aliases of ${person.displayName}`}>
                {person.aliases.map((alias) => (
                  <li key={aliasId(alias)}>
                    <span className="alias-format">{SOURCE_FORMAT_LABEL[alias.sourceFormat as SourceFormat] ?? alias.sourceFormat}</span> {alias.name}
                    {alias.externalId !== alias.name && <span className="muted"> ({alias.externalId})</span>}
                    {alias.matchedBy && <span className="muted person-match-reason"> · matched by {alias.matchedBy}</span>}
                    {person.aliases.length > 1 && (
                      <button type="button" className="link-button" onClick={() => void split(person, aliasId(alias))} aria-label={`Split out ${alias.name} (${alias.externalId}) from ${person.displayName}`}>
                        Split out
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
            <span className="person-events">{events.toLocaleString('en-US')} {events === 1 ? 'event' : 'events'}</span>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="muted">No one matches “{filter}”.</p>}
    </section>
  );
}
