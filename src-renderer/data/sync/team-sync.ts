import { liveQuery, type Subscription } from 'dexie';
import type { SyncDocRef } from '@protocol/doc-names';
import { EVENT_PARTS_IN_FLIGHT } from '@protocol/message-limits';
import type { DebriefDatabase } from '@db/schema';
import type { SettingRecord } from '@core/model/settings';
import { EventsMirror } from './events-mirror';
import { FieldLog, type FieldState } from './field-log';
import { decodeInvite, encodeInvite } from './invite-code';
import { INCIDENT_DOC_TABLES, TEAM_SETTINGS_TABLE } from './mirrored-tables';
import { RecordMirror, type MirroredTable } from './record-mirror';
import { parseServerAddress } from './server-address';
import { addSharedIncident, readSharedIncidents, removeSharedIncident, type SharedIncident } from './shared-incidents';
import { SyncClient, type SyncClientOptions, type SyncDocHandle } from './sync-client';
import { SyncError } from './sync-error';
import { deviceId, readTeamSyncSettings, rememberServerOrigin, syncOriginAllowedAtBoot, writeTeamSyncSettings, type TeamSyncSettings, type TokenKeeping, type TokenVault } from './sync-settings';
import { combineStatuses, SYNC_OFF, type SyncStatus } from './sync-status';
import { VersionBodiesMirror } from './version-bodies';

/**
 * Work a feature does for each shared incident while it is bound (the postmortem keeps its
 * co-edited documents' stored text current). Started after the incident's records are mirrored,
 * stopped when the incident stops syncing here.
 */
export interface IncidentCompanion {
  stop(): void;
}

export type IncidentCompanionFactory = (context: { incidentId: string; client: SyncClient; onError: (error: unknown) => void }) => IncidentCompanion;

/** The tables of the `<team>/incident/<id>` document, each a FieldLog (see mirrored-tables.ts). */
const INCIDENT_TABLES = INCIDENT_DOC_TABLES as unknown as readonly MirroredTable<object>[];

interface Binding {
  handles: SyncDocHandle[];
  /** The field logs of the incident document, by table name (history). */
  logs: Map<string, FieldLog>;
  mirrors: RecordMirror<object>[];
  events: EventsMirror | null;
  versions: VersionBodiesMirror | null;
  companions: IncidentCompanion[];
  watch: Subscription | null;
  stop(): void;
}

export interface TeamSyncOptions extends SyncClientOptions {
  /** Check that the page's CSP allows the server (browser only). */
  checkCsp?: boolean;
  /**
   * Called when the page started with a CSP that lacks the configured server although nobody
   * changed it (its remembered origin was lost, e.g. in a crash): the page may start again once.
   */
  onCspLost?: () => void;
  onError?: (error: unknown) => void;
}

/**
 * Team sync on this machine: the settings, the connection, and one binding per shared incident
 * between Dexie (what the UI reads and writes) and the incident's shared documents. Solo use
 * never starts it: nothing connects until Settings → Team sync is filled in and an incident is
 * shared or joined.
 */
export class TeamSync {
  private client: SyncClient | null = null;
  private current: TeamSyncSettings | null = null;
  private shared: SharedIncident[] = [];
  private readonly bindings = new Map<string, Binding>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private device = '';
  private blockedByCsp = false;
  private unlistenClient: (() => void) | null = null;
  private team: { handle: SyncDocHandle; mirror: RecordMirror<SettingRecord> } | null = null;
  private starting: Promise<void> | null = null;
  /** Settings changed in this window (a restart is then the user's to choose). */
  private configured = false;
  private readonly companionFactories: IncidentCompanionFactory[] = [];
  private vault: TokenVault | null = null;
  private keeping: TokenKeeping = 'plain';

  constructor(
    private readonly database: DebriefDatabase,
    private readonly options: TeamSyncOptions = {},
  ) {}

  /** Reads the settings and shared incidents and connects if there is anything to sync. */
  start(): Promise<void> {
    this.starting ??= this.startNow();
    return this.starting;
  }

  stop(): void {
    for (const id of [...this.bindings.keys()]) this.unbind(id);
    this.unbindTeam();
    this.unlistenClient?.();
    this.client?.destroy();
    this.client = null;
    this.blockedByCsp = false;
    this.starting = null;
    this.changed();
  }

  settings(): TeamSyncSettings | null {
    return this.current;
  }

  /**
   * Where the token is kept (the desktop app's encrypted store); set before `start`. Without
   * one (the browser build) the token stays with the settings in this site's storage.
   */
  setTokenVault(vault: TokenVault | null): void {
    this.vault = vault;
  }

  /** How this computer keeps the token (known once started): the settings dialog says so. */
  tokenKeeping(): TokenKeeping {
    return this.keeping;
  }

  /** Runs `factory` for every shared incident while it syncs (see IncidentCompanion). */
  addCompanion(factory: IncidentCompanionFactory): () => void {
    this.companionFactories.push(factory);
    return () => {
      const at = this.companionFactories.indexOf(factory);
      if (at >= 0) this.companionFactories.splice(at, 1);
    };
  }

  /** The connection, for features that open their own documents (co-editing, the meeting). */
  connection(): SyncClient | null {
    return this.client;
  }

  /** Saves new settings (null turns team sync off) and reconnects with them. */
  async configure(settings: TeamSyncSettings | null): Promise<void> {
    this.configured = true;
    this.keeping = await writeTeamSyncSettings(this.database, settings, this.vault);
    this.stop();
    await this.start();
  }

  isShared(incidentId: string): boolean {
    return this.shared.some((entry) => entry.incidentId === incidentId && this.matchesSettings(entry));
  }

  sharedIncidents(): readonly SharedIncident[] {
    return this.shared;
  }

  /** Makes a local incident a team incident and returns its invite. */
  async share(incidentId: string): Promise<string> {
    const settings = this.requireSettings();
    const incident = await this.database.incidents.get(incidentId);
    if (!incident || incident.deletedAt) throw new SyncError('NO_INCIDENT', 'This incident is no longer in your library.');
    if (!this.isShared(incidentId)) {
      await this.register({ incidentId, team: settings.team, serverUrl: settings.serverUrl, how: 'shared', since: Date.now() });
      await this.bind(incidentId, { joining: false });
    }
    return this.invite(incidentId, incident.title);
  }

  invite(incidentId: string, title: string): string {
    const settings = this.requireSettings();
    return encodeInvite({ server: settings.serverUrl, team: settings.team, incidentId, title });
  }

  /**
   * Joins a teammate's incident from an invite: pulls it from the server into the library.
   * Resolves with the incident id once the incident is stored here.
   */
  async join(inviteText: string, timeoutMs = 60_000): Promise<string> {
    const settings = this.requireSettings();
    const invite = decodeInvite(inviteText);
    if (parseServerAddress(invite.server).url !== settings.serverUrl) {
      throw new SyncError(
        'OTHER_SERVER',
        `This invite is for the server ${invite.server}, and Team sync is set to ${settings.serverUrl}. Change Settings → Team sync to that server first.`,
        'invite',
      );
    }
    if (invite.team !== settings.team) {
      throw new SyncError('OTHER_SERVER', `This invite is for team "${invite.team}"; your token is for team "${settings.team}".`, 'invite');
    }
    if (!this.isShared(invite.incidentId)) {
      await this.register({ incidentId: invite.incidentId, team: invite.team, serverUrl: settings.serverUrl, how: 'joined', since: Date.now() });
      await this.bind(invite.incidentId, { joining: true });
    }
    const binding = this.bindings.get(invite.incidentId);
    try {
      if (!binding) throw new SyncError('NOT_CONFIGURED', 'Team sync is not connected.');
      await Promise.all(binding.handles.map((handle) => handle.whenSynced(timeoutMs)));
      const stored = await this.whenStored(binding, invite.incidentId);
      if (!stored) {
        throw new SyncError('NO_INCIDENT', 'The server has nothing for this invite: the incident was not shared yet, or it was shared with another server.');
      }
      return invite.incidentId;
    } catch (error) {
      const stored = await this.database.incidents.get(invite.incidentId);
      if (!stored) await this.leave(invite.incidentId);
      throw error;
    }
  }

  /** Waits (briefly) for the mirrors to store what the server sent; undefined when it sent no incident. */
  private async whenStored(binding: Binding, incidentId: string): Promise<unknown> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      await Promise.all([...binding.mirrors.map((mirror) => mirror.idle()), binding.events?.idle(), binding.versions?.idle()]);
      const stored = await this.database.incidents.get(incidentId);
      // The timeline too: the events mirror starts once the events document has the server's state.
      if ((stored && binding.events) || Date.now() > deadline) return stored;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Stops sharing this incident on this machine; the local copy stays in the library. */
  async leave(incidentId: string): Promise<void> {
    const binding = this.bindings.get(incidentId);
    if (binding) await Promise.all([...binding.mirrors.map((mirror) => mirror.idle()), binding.events?.idle()]);
    const refs = binding?.handles.map((handle) => handle.ref) ?? [];
    this.unbind(incidentId);
    if (this.bindings.size === 0) this.unbindTeam();
    await removeSharedIncident(this.database, incidentId);
    this.shared = this.shared.filter((entry) => entry.incidentId !== incidentId);
    this.changed();
    await Promise.all(refs.map((ref) => SyncClient.forgetLocalCopy(ref).catch(() => undefined)));
  }

  /** The status of one shared incident (off when not shared), or of everything shared. */
  status(incidentId?: string): SyncStatus {
    if (this.blockedByCsp) return { state: 'refused', waiting: 0, reason: 'csp-blocked' };
    if (!this.client) return SYNC_OFF;
    const ids = incidentId === undefined ? [...this.bindings.keys()] : [incidentId];
    const statuses = ids.flatMap((id) => this.bindings.get(id)?.handles.map((handle) => handle.status()) ?? []);
    if (statuses.length === 0) {
      if (incidentId !== undefined) return SYNC_OFF;
      // Configured, nothing shared yet: say whether the server is reachable.
      return { state: this.client.socket.status === 'connected' ? 'synced' : this.client.socket.status === 'connecting' ? 'connecting' : 'offline', waiting: 0, reason: '' };
    }
    return combineStatuses(statuses);
  }

  /**
   * A shared record's fields with every person's last write (the winner and the others), from
   * the incident's document; undefined when the incident is not shared here. `table` is the
   * name in mirrored-tables.ts (e.g. 'actionItems').
   */
  fieldStates(incidentId: string, table: string, recordId: string): Map<string, FieldState> | undefined {
    return this.bindings.get(incidentId)?.logs.get(table)?.fields(recordId);
  }

  /** Calls back when any write to the record arrives or is made (history views). */
  onRecordWrites(incidentId: string, table: string, recordId: string, listener: () => void): () => void {
    const log = this.bindings.get(incidentId)?.logs.get(table);
    if (!log) return () => undefined;
    return log.onChange((ids) => {
      if (ids.has(recordId)) listener();
    });
  }

  /** For useSyncExternalStore: a number that changes whenever anything shown may have changed. */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async startNow(): Promise<void> {
    ({ settings: this.current, keeping: this.keeping } = await readTeamSyncSettings(this.database, this.vault));
    this.shared = await readSharedIncidents(this.database);
    this.device = await deviceId(this.database);
    if (!this.current) {
      this.changed();
      return;
    }
    this.blockedByCsp = this.options.checkCsp === true && !syncOriginAllowedAtBoot(this.current.serverUrl);
    if (this.blockedByCsp && !this.configured) {
      rememberServerOrigin(this.current.serverUrl);
      this.options.onCspLost?.();
    }
    if (this.blockedByCsp) {
      // The page's CSP was fixed at start with another server: connecting would only be blocked.
      this.changed();
      return;
    }
    this.client = new SyncClient(this.current, this.options);
    this.unlistenClient = this.client.onChange(() => this.changed());
    for (const entry of this.shared) {
      if (this.matchesSettings(entry)) await this.bind(entry.incidentId, { joining: false });
    }
    this.changed();
  }

  private matchesSettings(entry: SharedIncident): boolean {
    return !!this.current && entry.team === this.current.team && entry.serverUrl === this.current.serverUrl;
  }

  private requireSettings(): TeamSyncSettings {
    if (this.blockedByCsp) throw new SyncError('NOT_CONFIGURED', 'Restart Debrief to connect to the sync server you just set up.');
    if (!this.current || !this.client) {
      throw new SyncError('NOT_CONFIGURED', 'Set up Team sync first: the server address, your team and your access token (Team sync in the top bar).');
    }
    return this.current;
  }

  private async register(entry: SharedIncident): Promise<void> {
    await addSharedIncident(this.database, entry);
    this.shared = [...this.shared.filter((e) => e.incidentId !== entry.incidentId), entry];
    this.changed();
  }

  private async bind(incidentId: string, { joining }: { joining: boolean }): Promise<void> {
    const client = this.client;
    if (!client || this.bindings.has(incidentId)) return;
    if (!joining) {
      const incident = await this.database.incidents.get(incidentId);
      if (!incident) {
        // Deleted on this machine while the app was closed: leaving is what deleting meant.
        await this.leave(incidentId);
        return;
      }
    }
    const ref: SyncDocRef = { kind: 'incident', team: client.team, incidentId };
    const handle = client.open(ref);
    // Events live in Dexie already; their document keeps no second local copy.
    const eventsHandle = client.open({ kind: 'events', team: client.team, incidentId }, { persist: false });
    const binding: Binding = {
      handles: [handle, eventsHandle],
      logs: new Map(),
      mirrors: [],
      events: null,
      versions: null,
      companions: [],
      watch: null,
      stop: () => {
        binding.watch?.unsubscribe();
        for (const companion of binding.companions) companion.stop();
        binding.versions?.stop();
        for (const mirror of binding.mirrors) mirror.stop();
        binding.events?.stop();
        for (const h of binding.handles) h.release();
      },
    };
    this.bindings.set(incidentId, binding);
    this.changed();
    await handle.whenLocalLoaded;
    if (this.bindings.get(incidentId) !== binding) return;
    const onError = this.onError;
    binding.mirrors = INCIDENT_TABLES.map((def) => {
      const log = FieldLog.of(handle.doc, def.name, this.device);
      binding.logs.set(def.name, log);
      return new RecordMirror(this.database, log, def, incidentId, { name: client.user.name }, onError);
    });
    this.changed();
    // A shared incident deleted here (its Undo still possible) sends nothing: the mirrors start
    // only while it is in the library, so a purge's cascade never reaches the team.
    let paused = !!(await this.database.incidents.get(incidentId))?.deletedAt;
    if (this.bindings.get(incidentId) !== binding) return;
    if (!paused) for (const mirror of binding.mirrors) mirror.start();
    binding.versions = new VersionBodiesMirror(this.database, handle.doc, incidentId, onError);
    if (!paused) binding.versions.start();
    binding.companions = this.companionFactories.map((factory) => factory({ incidentId, client, onError }));
    void eventsHandle.whenServerState.then(() => {
      if (this.bindings.get(incidentId) !== binding) return;
      binding.events = new EventsMirror(this.database, eventsHandle.doc, incidentId, () => eventsHandle.whenWaitingAtMost(EVENT_PARTS_IN_FLIGHT), onError);
      if (!paused) binding.events.start();
    });
    let seen = false;
    // Deleted here: stop syncing at once, and leave for good when the deletion can no longer be undone.
    binding.watch = liveQuery(() => this.database.incidents.get(incidentId)).subscribe({
      next: (incident) => {
        if (incident) seen = true;
        const deleted = !!incident?.deletedAt;
        if (!incident && seen) {
          void this.leave(incidentId);
          return;
        }
        if (deleted && !paused) {
          paused = true;
          for (const mirror of binding.mirrors) mirror.stop();
          binding.versions?.stop();
          binding.events?.stop();
        } else if (!deleted && paused && incident) {
          paused = false;
          for (const mirror of binding.mirrors) mirror.start();
          binding.versions?.start();
          binding.events?.start();
        }
      },
      error: onError,
    });
    this.bindTeam();
  }

  /**
   * The team's own document (its SLA policy), open while this machine shares at least one of
   * the team's incidents: configuring Team sync alone sends nothing.
   */
  private bindTeam(): void {
    const client = this.client;
    if (!client || this.team) return;
    const handle = client.open({ kind: 'team', team: client.team });
    const mirror = new RecordMirror(this.database, FieldLog.of(handle.doc, TEAM_SETTINGS_TABLE.name, this.device), TEAM_SETTINGS_TABLE, client.team, { name: client.user.name }, this.onError);
    const team = { handle, mirror };
    this.team = team;
    void handle.whenLocalLoaded.then(() => {
      if (this.team === team) mirror.start();
    });
  }

  private unbindTeam(): void {
    this.team?.mirror.stop();
    this.team?.handle.release();
    this.team = null;
  }

  private get onError(): (error: unknown) => void {
    return this.options.onError ?? ((error: unknown) => console.error('Team sync:', error));
  }

  private unbind(incidentId: string): void {
    const binding = this.bindings.get(incidentId);
    if (!binding) return;
    this.bindings.delete(incidentId);
    binding.stop();
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
