/** How one source names a person; merging people moves aliases between them. */
export interface PersonAlias {
  sourceFormat: string;
  externalId: string;
  name: string;
  email: string | null;
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
