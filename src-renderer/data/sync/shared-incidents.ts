import { z } from 'zod';
import type { DebriefDatabase } from '@db/schema';
import { readSetting, writeSetting } from '@data/settings';

/** An incident this machine shares with its team (made a team incident here, or joined). */
export interface SharedIncident {
  incidentId: string;
  team: string;
  serverUrl: string;
  /** 'shared' when this machine made it a team incident, 'joined' from an invite. */
  how: 'shared' | 'joined';
  since: number;
}

const KEY = 'teamSync.incidents';

const listSchema = z.array(
  z.object({
    incidentId: z.string().min(1),
    team: z.string().min(1),
    serverUrl: z.string().min(1),
    how: z.enum(['shared', 'joined']),
    since: z.number(),
  }),
);

export async function readSharedIncidents(database: DebriefDatabase): Promise<SharedIncident[]> {
  return readSetting(KEY, listSchema, [], database);
}

export async function addSharedIncident(database: DebriefDatabase, entry: SharedIncident): Promise<void> {
  await database.transaction('rw', database.settings, async () => {
    const list = (await readSharedIncidents(database)).filter((e) => e.incidentId !== entry.incidentId);
    await writeSetting(KEY, [...list, entry], database);
  });
}

export async function removeSharedIncident(database: DebriefDatabase, incidentId: string): Promise<void> {
  await database.transaction('rw', database.settings, async () => {
    const list = await readSharedIncidents(database);
    await writeSetting(
      KEY,
      list.filter((e) => e.incidentId !== incidentId),
      database,
    );
  });
}
