import { newId } from '@core/ids';
import type { ActorRef } from '@core/importers/imported-records';
import type { TimelineEvent } from '@core/model/event';
import type { Person, PersonAlias } from '@core/model/person';
import type { DebriefDatabase } from './schema';

/** Thrown when a people edit names a person or alias that is not there (e.g. changed in another window). */
export class PeopleEditError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'PeopleEditError';
  }
}

/** `sourceFormat:externalId`: how one source names one person; also stored on events as `actorAlias`. */
export function aliasId(alias: Pick<PersonAlias, 'sourceFormat' | 'externalId'>): string {
  return `${alias.sourceFormat}:${alias.externalId}`;
}

/** Case- and accent-insensitive form of a name, so "José Núñez" and "jose nunez" are one person. */
export function normaliseName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const aliasKey = (id: string) => `alias:${id}`;
const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const nameKey = (name: string) => `name:${normaliseName(name)}`;

/**
 * Keys the `*matchKeys` index holds for a person: one per alias (exact), one per email, one per
 * name. Matching tries them in that order, so a Slack user id beats a same-named stranger.
 */
export function personMatchKeys(person: Pick<Person, 'displayName' | 'email' | 'aliases'>): string[] {
  const keys = new Set<string>();
  const addName = (name: string) => {
    if (normaliseName(name)) keys.add(nameKey(name));
  };
  const addEmail = (email: string | null) => {
    if (email?.trim()) keys.add(emailKey(email));
  };
  addName(person.displayName);
  addEmail(person.email);
  for (const alias of person.aliases) {
    keys.add(aliasKey(aliasId(alias)));
    addEmail(alias.email);
    addName(alias.name);
  }
  return [...keys];
}

/** Who each actor of one parse is, decided before any write so the import stays all-or-nothing. */
export interface PeoplePlan {
  /** Actor externalId → the person its events point to. */
  assignments: Map<string, { personId: string; displayName: string; alias: string }>;
  /** People to create at commit. */
  created: Person[];
  /** Aliases to add to existing people at commit. */
  aliasAdds: Map<string, PersonAlias[]>;
}

function actorAlias(actor: ActorRef): PersonAlias {
  return { sourceFormat: actor.sourceFormat, externalId: actor.externalId, name: actor.name, email: actor.email };
}

/** Matches each actor to a person: by alias, then same email, then same name; else a new person. */
export async function planPeople(database: DebriefDatabase, actors: readonly ActorRef[], now = Date.now()): Promise<PeoplePlan> {
  const wanted = new Set<string>();
  for (const actor of actors) {
    wanted.add(aliasKey(aliasId(actor)));
    if (actor.email?.trim()) wanted.add(emailKey(actor.email));
    if (normaliseName(actor.name)) wanted.add(nameKey(actor.name));
  }
  const existing = wanted.size ? await database.people.where('matchKeys').anyOf([...wanted]).distinct().toArray() : [];
  // One index over existing and newly planned people, so two actors of one file with the same
  // email become one person too.
  const byKey = new Map<string, Person>();
  const index = (person: Person) => {
    for (const key of personMatchKeys(person)) if (!byKey.has(key)) byKey.set(key, person);
  };
  existing.sort((a, b) => a.createdAt - b.createdAt).forEach(index);

  const plan: PeoplePlan = { assignments: new Map(), created: [], aliasAdds: new Map() };
  for (const actor of actors) {
    const id = aliasId(actor);
    const candidates = [aliasKey(id), actor.email?.trim() ? emailKey(actor.email) : null, normaliseName(actor.name) ? nameKey(actor.name) : null];
    let person = candidates.map((key) => (key ? byKey.get(key) : undefined)).find(Boolean);
    if (!person) {
      const alias = actorAlias(actor);
      person = { id: newId(), displayName: actor.name || actor.externalId, email: actor.email, aliases: [alias], matchKeys: [], createdAt: now, updatedAt: now };
      person.matchKeys = personMatchKeys(person);
      plan.created.push(person);
    } else if (!person.aliases.some((alias) => aliasId(alias) === id)) {
      const alias = actorAlias(actor);
      person.aliases.push(alias);
      if (!plan.created.includes(person)) plan.aliasAdds.set(person.id, [...(plan.aliasAdds.get(person.id) ?? []), alias]);
      else person.matchKeys = personMatchKeys(person);
    }
    index(person);
    plan.assignments.set(actor.externalId, { personId: person.id, displayName: person.displayName, alias: id });
  }
  return plan;
}

/** Writes a plan; call inside a transaction that includes `people`. Re-reads people so edits made meanwhile survive. */
export async function applyPeoplePlan(database: DebriefDatabase, plan: PeoplePlan, now = Date.now()): Promise<void> {
  if (plan.created.length) await database.people.bulkAdd(plan.created);
  for (const [personId, aliases] of plan.aliasAdds) {
    const person = await database.people.get(personId);
    if (!person) continue;
    const known = new Set(person.aliases.map(aliasId));
    const merged = [...person.aliases, ...aliases.filter((alias) => !known.has(aliasId(alias)))];
    await database.people.put({ ...person, aliases: merged, matchKeys: personMatchKeys({ ...person, aliases: merged }), updatedAt: now });
  }
}

export interface PersonWithCount {
  person: Person;
  events: number;
}

/** Every person with how many events point to them, by name. */
export async function listPeopleWithCounts(database: DebriefDatabase): Promise<PersonWithCount[]> {
  return database.transaction('r', database.people, database.events, async () => {
    const people = await database.people.orderBy('displayName').toArray();
    return Promise.all(people.map(async (person) => ({ person, events: await database.events.where('actorId').equals(person.id).count() })));
  });
}

async function mustGet(database: DebriefDatabase, id: string): Promise<Person> {
  const person = await database.people.get(id);
  if (!person) throw new PeopleEditError('NOT_FOUND', 'This person no longer exists; the list may be out of date.');
  return person;
}

/** Renames a person everywhere their events are shown. */
export async function renamePerson(database: DebriefDatabase, personId: string, displayName: string): Promise<void> {
  const name = displayName.trim();
  if (!name) throw new PeopleEditError('INVALID', 'A name cannot be empty.');
  await database.transaction('rw', database.people, database.events, async () => {
    const person = await mustGet(database, personId);
    const next = { ...person, displayName: name, updatedAt: Date.now() };
    await database.people.put({ ...next, matchKeys: personMatchKeys(next) });
    await database.events.where('actorId').equals(personId).modify({ actorName: name });
  });
}

/** Everything a merge changed, so Undo can put it back exactly. */
export interface MergeUndo {
  kept: Person;
  removed: Person[];
  /** Event id → the actorId and actorName it had. */
  events: { id: string; actorId: string; actorName: string }[];
}

/** Keeps one person, moves the others' aliases onto them and repoints their events. */
export async function mergePeople(database: DebriefDatabase, keepId: string, otherIds: readonly string[]): Promise<MergeUndo> {
  const others = [...new Set(otherIds)].filter((id) => id !== keepId);
  if (others.length === 0) throw new PeopleEditError('INVALID', 'Choose at least two people to merge.');
  return database.transaction('rw', database.people, database.events, async () => {
    const kept = await mustGet(database, keepId);
    const removed = await Promise.all(others.map((id) => mustGet(database, id)));
    const moved: MergeUndo['events'] = [];
    await database.events
      .where('actorId')
      .anyOf(others)
      .modify((event: TimelineEvent) => {
        moved.push({ id: event.id, actorId: event.actorId ?? '', actorName: event.actorName });
        event.actorId = kept.id;
        event.actorName = kept.displayName;
      });
    const aliases = [...kept.aliases];
    const known = new Set(aliases.map(aliasId));
    for (const person of removed) for (const alias of person.aliases) if (!known.has(aliasId(alias))) aliases.push(alias);
    const next: Person = { ...kept, aliases, email: kept.email ?? removed.find((p) => p.email)?.email ?? null, updatedAt: Date.now() };
    await database.people.put({ ...next, matchKeys: personMatchKeys(next) });
    await database.people.bulkDelete(others);
    return { kept, removed, events: moved };
  });
}

export async function undoMerge(database: DebriefDatabase, undo: MergeUndo): Promise<void> {
  await database.transaction('rw', database.people, database.events, async () => {
    await database.people.bulkPut([undo.kept, ...undo.removed]);
    const byId = new Map(undo.events.map((e) => [e.id, e]));
    await database.events
      .where('id')
      .anyOf([...byId.keys()])
      .modify((event: TimelineEvent) => {
        const before = byId.get(event.id);
        if (!before) return;
        event.actorId = before.actorId;
        event.actorName = before.actorName;
      });
  });
}

/** Moves one alias (and exactly the events it authored) out into a new person named after it. */
export async function splitAlias(database: DebriefDatabase, personId: string, alias: string): Promise<Person> {
  return database.transaction('rw', database.people, database.events, async () => {
    const person = await mustGet(database, personId);
    const moving = person.aliases.find((candidate) => aliasId(candidate) === alias);
    if (!moving) throw new PeopleEditError('NOT_FOUND', 'That alias is no longer part of this person.');
    if (person.aliases.length < 2) throw new PeopleEditError('INVALID', 'A person with one alias cannot be split.');
    const now = Date.now();
    const rest = person.aliases.filter((candidate) => candidate !== moving);
    const remaining: Person = { ...person, aliases: rest, updatedAt: now };
    const created: Person = { id: newId(), displayName: moving.name || moving.externalId, email: moving.email, aliases: [moving], matchKeys: [], createdAt: now, updatedAt: now };
    created.matchKeys = personMatchKeys(created);
    await database.people.put({ ...remaining, matchKeys: personMatchKeys(remaining) });
    await database.people.add(created);
    await database.events
      .where('actorId')
      .equals(personId)
      .filter((event) => event.actorAlias === alias)
      .modify({ actorId: created.id, actorName: created.displayName });
    return created;
  });
}
