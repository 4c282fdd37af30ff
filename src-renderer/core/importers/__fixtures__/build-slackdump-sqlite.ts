import initSqlJs from 'sql.js';
import { readFixtureText } from './read-fixture';

/**
 * Test-only: a slackdump SQLite archive built with the tables and columns slackdump's own
 * migrations create (SESSION, CHUNK, TYPES, MESSAGE, CHANNEL, S_USER, CHANNEL_USER, FILE…), filled
 * the way `slackdump archive` fills them: one CHUNK row per Slack API page, its records as rows
 * holding the Slack JSON in DATA (a BLOB). The schema comes first, as slackdump writes it.
 */
const SCHEMA = `
CREATE TABLE SESSION (ID INTEGER PRIMARY KEY, CREATED_AT TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UPDATED_AT TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, PAR_SESSION_ID INTEGER, FROM_TS TIMESTAMP, TO_TS TIMESTAMP,
  FINISHED SMALLINT NOT NULL DEFAULT FALSE, FILES_ENABLED SMALLINT NOT NULL DEFAULT FALSE,
  AVATARS_ENABLED SMALLINT NOT NULL DEFAULT FALSE, MODE TEXT NOT NULL, ARGS TEXT);
CREATE TABLE CHUNK (ID INTEGER PRIMARY KEY, CREATED_AT TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIX_TS INTEGER NOT NULL, SESSION_ID INTEGER NOT NULL, TYPE_ID SMALLINT NOT NULL, NUM_REC INTEGER NOT NULL DEFAULT 0,
  FINAL SMALLINT NOT NULL DEFAULT FALSE, CHANNEL_ID TEXT, SEARCH_QUERY TEXT,
  FOREIGN KEY (SESSION_ID) REFERENCES SESSION (ID) ON DELETE RESTRICT);
CREATE TABLE MESSAGE (ID INTEGER NOT NULL, CHUNK_ID INTEGER NOT NULL, LOAD_DTTM TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHANNEL_ID TEXT NOT NULL, TS TEXT NOT NULL, PARENT_ID INTEGER, THREAD_TS TEXT, LATEST_REPLY TEXT,
  IS_PARENT SMALLINT NOT NULL DEFAULT FALSE, IDX INTEGER NOT NULL, NUM_FILES INTEGER NOT NULL DEFAULT 0, TXT TEXT,
  DATA BLOB NOT NULL, PRIMARY KEY (ID, CHUNK_ID), FOREIGN KEY (CHUNK_ID) REFERENCES CHUNK (ID) ON DELETE CASCADE);
CREATE INDEX MESSAGE_CHUNK_ID_IDX ON MESSAGE (CHUNK_ID);
CREATE TABLE CHANNEL (ID TEXT NOT NULL, CHUNK_ID INTEGER NOT NULL, LOAD_DTTM TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  NAME TEXT, IDX INTEGER NOT NULL, DATA BLOB NOT NULL, PRIMARY KEY (ID, CHUNK_ID));
CREATE TABLE FILE (ID TEXT NOT NULL, CHUNK_ID INTEGER NOT NULL, LOAD_DTTM TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHANNEL_ID TEXT NOT NULL, MESSAGE_ID INTEGER, THREAD_ID INTEGER, IDX INTEGER NOT NULL, MODE TEXT NOT NULL, FILENAME TEXT,
  URL TEXT, DATA BLOB NOT NULL, SIZE INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (ID, CHUNK_ID));
CREATE TABLE WORKSPACE (ID INTEGER PRIMARY KEY, CHUNK_ID INTEGER NOT NULL, LOAD_DTTM TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  TEAM TEXT NOT NULL, USERNAME TEXT, TEAM_ID TEXT NOT NULL, USER_ID TEXT NOT NULL, ENTERPRISE_ID TEXT, URL TEXT NOT NULL,
  DATA BLOB NOT NULL);
CREATE TABLE S_USER (ID TEXT NOT NULL, CHUNK_ID INTEGER NOT NULL, LOAD_DTTM TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  IDX INTEGER NOT NULL, USERNAME TEXT NOT NULL, DATA BLOB NOT NULL, PRIMARY KEY (ID, CHUNK_ID));
CREATE TABLE CHANNEL_USER (CHANNEL_ID TEXT NOT NULL, USER_ID TEXT NOT NULL, CHUNK_ID INTEGER NOT NULL,
  LOAD_DTTM TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, IDX INTEGER NOT NULL, PRIMARY KEY (CHANNEL_ID, USER_ID, CHUNK_ID));
CREATE TABLE TYPES (ID INT, NAME TEXT);
INSERT INTO TYPES (ID, NAME) VALUES (0, 'MESSAGES'), (1, 'THREAD_MESSAGES'), (2, 'FILES'), (3, 'USERS'), (4, 'CHANNELS'),
  (5, 'CHANNEL_INFO'), (6, 'WORKSPACE_INFO'), (7, 'CHANNEL_USERS');
`;

const MESSAGES = 0;
const THREAD_MESSAGES = 1;
const USERS = 3;
const CHANNEL_INFO = 5;
const CHANNEL_USERS = 7;

export interface SlackdumpArchiveContent {
  users: { id: string; name?: string }[];
  channels: { id: string; name?: string; user?: string }[];
  members?: { channel: string; users: string[] }[];
  /** Pages of messages as the API returned them; a page with `thread` holds one thread's replies (parent first). */
  pages: { channel: string; thread?: string; messages: { ts: string; thread_ts?: string }[] }[];
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
/** slackdump's MESSAGE.ID: the ts as an integer number of microseconds. */
const tsId = (ts: string) => Number(ts.replace('.', ''));

export async function buildSlackdumpSqlite(content: SlackdumpArchiveContent): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  try {
    database.exec(SCHEMA);
    database.run("INSERT INTO SESSION (ID, MODE, FINISHED) VALUES (1, 'archive', TRUE)");
    let chunk = 0;
    const newChunk = (type: number, channel: string | null, records: number) => {
      chunk++;
      database.run('INSERT INTO CHUNK (ID, UNIX_TS, SESSION_ID, TYPE_ID, NUM_REC, FINAL, CHANNEL_ID) VALUES (?, ?, 1, ?, ?, TRUE, ?)', [chunk, 1718200000 + chunk, type, records, channel]);
      return chunk;
    };
    const users = newChunk(USERS, null, content.users.length);
    content.users.forEach((user, index) => database.run('INSERT INTO S_USER (ID, CHUNK_ID, IDX, USERNAME, DATA) VALUES (?, ?, ?, ?, ?)', [user.id, users, index, user.name ?? user.id, json(user)]));
    for (const channel of content.channels) {
      const id = newChunk(CHANNEL_INFO, channel.id, 1);
      database.run('INSERT INTO CHANNEL (ID, CHUNK_ID, NAME, IDX, DATA) VALUES (?, ?, ?, 0, ?)', [channel.id, id, channel.name ?? null, json(channel)]);
    }
    for (const { channel, users: members } of content.members ?? []) {
      const id = newChunk(CHANNEL_USERS, channel, members.length);
      members.forEach((user, index) => database.run('INSERT INTO CHANNEL_USER (CHANNEL_ID, USER_ID, CHUNK_ID, IDX) VALUES (?, ?, ?, ?)', [channel, user, id, index]));
    }
    for (const page of content.pages) {
      const id = newChunk(page.thread ? THREAD_MESSAGES : MESSAGES, page.channel, page.messages.length);
      page.messages.forEach((message, index) => {
        const threadTs = message.thread_ts ?? null;
        database.run('INSERT INTO MESSAGE (ID, CHUNK_ID, CHANNEL_ID, TS, PARENT_ID, THREAD_TS, IS_PARENT, IDX, TXT, DATA) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
          tsId(message.ts),
          id,
          page.channel,
          message.ts,
          threadTs ? tsId(threadTs) : null,
          threadTs,
          threadTs === message.ts ? 1 : 0,
          index,
          (message as { text?: string }).text ?? '',
          json(message),
        ]);
      });
    }
    return database.export();
  } finally {
    database.close();
  }
}

interface DumpMessage {
  ts: string;
  thread_ts?: string;
  slackdump_thread_replies?: DumpMessage[];
}

/** The dump fixture's channel as `slackdump archive` stores it, with a DM and a page fetched again on resume. */
export async function ledgerIncidentArchive(): Promise<SlackdumpArchiveContent> {
  const dump = JSON.parse(await readFixtureText('slackdump-dump.json')) as { messages: DumpMessage[] };
  const users = JSON.parse(await readFixtureText('slackdump-users.json')) as { id: string; name: string }[];
  const channel = dump.messages.map(({ slackdump_thread_replies: _replies, ...message }) => message);
  const [root] = dump.messages;
  const last = channel[channel.length - 1];
  return {
    users,
    channels: [
      { id: 'C07Q3M1N2PX', name: 'inc-311-ledger' },
      { id: 'D07DM0001', user: 'U02DENIZ' },
    ],
    members: [{ channel: 'D07DM0001', users: ['U01MARIA', 'U02DENIZ'] }],
    pages: [
      { channel: 'C07Q3M1N2PX', messages: channel },
      { channel: 'C07Q3M1N2PX', thread: root?.ts ?? '', messages: [channel[0] ?? { ts: '' }, ...(root?.slackdump_thread_replies ?? [])] },
      { channel: 'D07DM0001', messages: [{ ts: '1718190300.000500', user: 'U02DENIZ', type: 'message', text: 'I can take the broker side' } as DumpMessage] },
      // A resumed archive fetched the channel's last page again, after an edit: the later copy wins.
      { channel: 'C07Q3M1N2PX', messages: [{ ...(last ?? { ts: '' }), text: 'Lag back under 1k, monitoring (edited)' } as DumpMessage] },
    ],
  };
}
