import type { Person } from '@core/model/person';
import { aliasId } from '@db/people-store';

/**
 * Who wrote an imported event is decided on reading, from the author's alias and the people as
 * they are now: renaming, merging or splitting people changes one person record, never the
 * (immutable) event blocks. An event keeps the name its source gave as a fallback.
 */
export class ActorResolver {
  private readonly byAlias = new Map<string, Person>();
  private readonly byId = new Map<string, Person>();

  constructor(people: readonly Person[]) {
    for (const person of people) {
      this.byId.set(person.id, person);
      for (const alias of person.aliases) this.byAlias.set(aliasId(alias), person);
    }
  }

  person(alias: string | null, storedId: string | null): Person | undefined {
    return (alias !== null ? this.byAlias.get(alias) : undefined) ?? (storedId !== null ? this.byId.get(storedId) : undefined);
  }

  resolve(alias: string | null, storedId: string | null, storedName: string): { actorId: string | null; actorName: string } {
    const person = this.person(alias, storedId);
    return person ? { actorId: person.id, actorName: person.displayName } : { actorId: storedId, actorName: storedName };
  }
}
