import { CodedError } from '@core/errors/coded-error';
import { newId } from '@core/ids';
import type { ActorRef } from '@core/importers/imported-records';
import type { Person, PersonAlias } from '@core/model/person';
import type { DebriefDatabase } from './schema';

/** Thrown when a people edit names a person or alias that is not there (e.g. changed in another window). */
export class PeopleEditError extends CodedError<'NOT_FOUND' | 'INVALID'> {
  override readonly name = 'PeopleEditError';
}

/** `sourceFormat:externalId`: how one source names one person; also stored on events as `actorAlias`, which is how an event finds its author. */
export function aliasId(alias: Pick<PersonAlias, 'sourceFormat' | 'externalId'>): string {
  return `${alias.sourceFormat}:${alias.externalId}`;
}

/**
 * Case-, accent- and punctuation-insensitive form of a name, so "José Núñez" and "jose nunez" are
 * one person, and so are the handle "kenji.sato" (or "kenji_sato") and the name "Kenji Sato".
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[._]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
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
    for (const other of alias.otherNames ?? []) addName(other);
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

function actorAlias(actor: ActorRef, matchedBy?: string): PersonAlias {
  const alias: PersonAlias = { sourceFormat: actor.sourceFormat, externalId: actor.externalId, name: actor.name, email: actor.email };
  if (actor.otherNames?.length) alias.otherNames = [...actor.otherNames];
  if (matchedBy) alias.matchedBy = matchedBy;
  return alias;
}

const actorNames = (actor: ActorRef) => [actor.name, ...(actor.otherNames ?? [])].filter((name) => normaliseName(name) !== '');

/** Why a key matched, in words for the People screen. */
function matchReason(key: string, person: Person, actor: ActorRef): string {
  if (key.startsWith('email:')) return `same email (${key.slice('email:'.length)})`;
  const wanted = key.slice('name:'.length);
  const theirs = [person.displayName, ...person.aliases.flatMap((a) => [a.name, ...(a.otherNames ?? [])])].find((n) => normaliseName(n) === wanted) ?? person.displayName;
  const ours = actorNames(actor).find((n) => normaliseName(n) === wanted) ?? actor.name;
  return ours === theirs ? `same name (“${ours}”)` : `“${ours}” matches “${theirs}” (ignoring case, accents, dots and underscores)`;
}

/** Matches each actor to a person: by alias, then same email, then same name; else a new person. */
export async function planPeople(database: DebriefDatabase, actors: readonly ActorRef[], now = Date.now()): Promise<PeoplePlan> {
  const wanted = new Set<string>();
  for (const actor of actors) {
    wanted.add(aliasKey(aliasId(actor)));
    if (actor.email?.trim()) wanted.add(emailKey(actor.email));
    for (const name of actorNames(actor)) wanted.add(nameKey(name));
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
    // Bots are matched by their own id only: "deploy-bot" in a CSV is not the Slack app of that name.
    const candidates = [aliasKey(id), ...(actor.bot ? [] : [actor.email?.trim() ? emailKey(actor.email) : null, ...actorNames(actor).map(nameKey)])];
    const matchedKey = candidates.find((key) => key !== null && byKey.has(key)) ?? null;
    let person = matchedKey === null ? undefined : byKey.get(matchedKey);
    if (!person) {
      const alias = actorAlias(actor);
      person = { id: newId(), displayName: actor.name || actor.externalId, email: actor.email, aliases: [alias], matchKeys: [], createdAt: now, updatedAt: now };
      person.matchKeys = personMatchKeys(person);
      plan.created.push(person);
    } else if (!person.aliases.some((alias) => aliasId(alias) === id)) {
      const alias = actorAlias(actor, matchedKey === null ? undefined : matchReason(matchedKey, person, actor));
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

/**
 * Events per person, from the committed sources' per-author counts: an imported event's author is
 * its alias, and an alias belongs to exactly one person (merges move aliases, splits move one out).
 */
async function eventCountsByPerson(database: DebriefDatabase, people: readonly Person[]): Promise<Map<string, number>> {
  const byKey = new Map<string, string>();
  for (const person of people) {
    byKey.set(`id:${person.id}`, person.id);
    for (const alias of person.aliases) byKey.set(aliasId(alias), person.id);
  }
  const counts = new Map<string, number>();
  const sources = await database.sources.where('state').equals('committed').toArray();
  for (const source of sources) {
    for (const [key, count] of Object.entries(source.actorCounts)) {
      const personId = byKey.get(key);
      if (personId !== undefined) counts.set(personId, (counts.get(personId) ?? 0) + count);
    }
  }
  return counts;
}

/** Every person with how many events point to them, by name. */
export async function listPeopleWithCounts(database: DebriefDatabase): Promise<PersonWithCount[]> {
  return database.transaction('r', database.people, database.sources, async () => {
    // By name as a reader sorts: "anna" next to "Anna", not after every capital letter.
    const people = (await database.people.toArray()).sort((a, b) => a.displayName.localeCompare(b.displayName, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id));
    const counts = await eventCountsByPerson(database, people);
    return people.map((person) => ({ person, events: counts.get(person.id) ?? 0 }));
  });
}

/**
 * After a source is removed: the people its authors were (by alias, or `id:` key) who now have
 * no event anywhere and own no action item are removed too, so People does not fill up with
 * 0-event rows. Call inside a transaction that includes people, sources and actionItems.
 */
export async function removePeopleWithoutEvents(database: DebriefDatabase, actorKeys: readonly string[]): Promise<number> {
  if (actorKeys.length === 0) return 0;
  const ids = actorKeys.filter((key) => key.startsWith('id:')).map((key) => key.slice(3));
  const aliases = actorKeys.filter((key) => !key.startsWith('id:')).map((key) => aliasKey(key));
  const candidates = [
    ...(aliases.length ? await database.people.where('matchKeys').anyOf(aliases).distinct().toArray() : []),
    ...(await database.people.bulkGet(ids)).filter((p): p is Person => p !== undefined),
  ];
  if (candidates.length === 0) return 0;
  const counts = await eventCountsByPerson(database, candidates);
  const unused: string[] = [];
  for (const person of new Map(candidates.map((p) => [p.id, p])).values()) {
    if ((counts.get(person.id) ?? 0) > 0) continue;
    if ((await database.actionItems.where('ownerId').equals(person.id).count()) > 0) continue;
    unused.push(person.id);
  }
  await database.people.bulkDelete(unused);
  return unused.length;
}

async function mustGet(database: DebriefDatabase, id: string): Promise<Person> {
  const person = await database.people.get(id);
  if (!person) throw new PeopleEditError('NOT_FOUND', 'This person no longer exists; the list may be out of date.');
  return person;
}

/** Renames a person everywhere their events are shown (events name their author through the person). */
export async function renamePerson(database: DebriefDatabase, personId: string, displayName: string): Promise<void> {
  const name = displayName.trim();
  if (!name) throw new PeopleEditError('INVALID', 'A name cannot be empty.');
  await database.transaction('rw', database.people, async () => {
    const person = await mustGet(database, personId);
    const next = { ...person, displayName: name, updatedAt: Date.now() };
    await database.people.put({ ...next, matchKeys: personMatchKeys(next) });
  });
}

/** Everything a merge changed, so Undo can put it back exactly. */
export interface MergeUndo {
  kept: Person;
  removed: Person[];
}

/** Keeps one person and moves the others' aliases onto them, which moves their events too. */
export async function mergePeople(database: DebriefDatabase, keepId: string, otherIds: readonly string[]): Promise<MergeUndo> {
  const others = [...new Set(otherIds)].filter((id) => id !== keepId);
  if (others.length === 0) throw new PeopleEditError('INVALID', 'Choose at least two people to merge.');
  return database.transaction('rw', database.people, async () => {
    const kept = await mustGet(database, keepId);
    const removed = await Promise.all(others.map((id) => mustGet(database, id)));
    const aliases = [...kept.aliases];
    const known = new Set(aliases.map(aliasId));
    for (const person of removed) for (const alias of person.aliases) if (!known.has(aliasId(alias))) aliases.push(alias);
    const next: Person = { ...kept, aliases, email: kept.email ?? removed.find((p) => p.email)?.email ?? null, updatedAt: Date.now() };
    await database.people.put({ ...next, matchKeys: personMatchKeys(next) });
    await database.people.bulkDelete(others);
    return { kept, removed };
  });
}

export async function undoMerge(database: DebriefDatabase, undo: MergeUndo): Promise<void> {
  await database.transaction('rw', database.people, async () => {
    await database.people.bulkPut([undo.kept, ...undo.removed]);
  });
}

/** Moves one alias (and so exactly the events it authored) out into a new person named after it. */
export async function splitAlias(database: DebriefDatabase, personId: string, alias: string): Promise<Person> {
  return database.transaction('rw', database.people, async () => {
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
    return created;
  });
}
