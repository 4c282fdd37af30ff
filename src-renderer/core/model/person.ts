/** How one source names a person; merging people moves aliases between them. */
export interface PersonAlias {
  sourceFormat: string;
  externalId: string;
  name: string;
  email: string | null;
  /** Other names this source knows the person by (Slack handle, real name). */
  otherNames?: string[];
  /** Why the import put this alias on this person, e.g. "same email as Slack"; shown so a wrong match can be split out. */
  matchedBy?: string;
}

/** People are shared across incidents so that owners and roles mean the same everywhere. */
export interface Person {
  id: string;
  displayName: string;
  email: string | null;
  aliases: PersonAlias[];
  /** Lower-cased name and email keys, indexed for matching during import. */
  matchKeys: string[];
  createdAt: number;
  updatedAt: number;
}
