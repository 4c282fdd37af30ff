import type { SlackExportPreview } from '@core/importers/slack/slack-export';
import type { Incident } from '@core/model/incident';
import { fromLocalInputValue, toLocalInputValue } from '@core/time/zoned-input';
import { plural } from './format-size';
import type { ImportChoices } from './worker-protocol';

const KIND_LABEL = { channel: 'Channel', 'private-channel': 'Private channel', dm: 'DM', 'group-dm': 'Group DM', unlisted: 'Folder' } as const;

interface Props {
  preview: SlackExportPreview;
  counts: Record<string, number | null>;
  choices: ImportChoices;
  incident: Incident;
  onChange(choices: ImportChoices): void;
}

/** Conversations to pick, with their day files and message counts, and the time window. */
export function SlackPreviewPanel({ preview, counts, choices, incident, onChange }: Props) {
  const all = preview.conversations.map((c) => c.id);
  const chosen = new Set(choices.conversations ?? all);
  const zone = incident.timeZone;
  const setChosen = (ids: Iterable<string>) => onChange({ ...choices, conversations: [...ids] });
  const setWindow = (edge: 'from' | 'to', value: string) => {
    const at = fromLocalInputValue(value, zone);
    onChange({ ...choices, window: { ...choices.window, [edge]: at === null || Number.isNaN(at) ? undefined : at } });
  };
  return (
    <div className="import-preview">
      <p className="muted">
        {plural(preview.conversations.length, 'conversation')}, {plural(preview.users.length, 'person', 'people')} in users.json. {preview.dayFileZone.note}
      </p>
      <fieldset className="import-window">
        <legend>Time window ({zone})</legend>
        <label>
          From
          <input type="datetime-local" value={toLocalInputValue(choices.window?.from ?? null, zone)} onChange={(e) => setWindow('from', e.target.value)} />
        </label>
        <label>
          To
          <input type="datetime-local" value={toLocalInputValue(choices.window?.to ?? null, zone)} onChange={(e) => setWindow('to', e.target.value)} />
        </label>
        <span className="muted">Leave empty for no limit. Default: 2 h before the start to 2 h after resolution.</span>
      </fieldset>
      <div className="import-select-all">
        <span>
          {chosen.size} of {all.length} selected
        </span>
        <button type="button" className="link-button" onClick={() => setChosen(all)}>
          Select all
        </button>
        <button type="button" className="link-button" onClick={() => setChosen([])}>
          Select none
        </button>
      </div>
      {/* It scrolls: a tab stop lets the keyboard scroll it too. */}
      <div className="import-table-wrap" tabIndex={0} role="region" aria-label="Slack conversations">
        <table className="import-table" aria-label="Slack conversations">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Import</span>
              </th>
              <th scope="col">Conversation</th>
              <th scope="col">Kind</th>
              <th scope="col">Day files</th>
              <th scope="col">Dates</th>
              <th scope="col">Messages</th>
            </tr>
          </thead>
          <tbody>
            {preview.conversations.map((conversation) => {
              const count = counts[conversation.folder];
              return (
                <tr key={conversation.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Import ${conversation.label}`}
                      checked={chosen.has(conversation.id)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(conversation.id);
                        else next.delete(conversation.id);
                        setChosen(all.filter((id) => next.has(id)));
                      }}
                    />
                  </td>
                  <td>{conversation.label}</td>
                  <td>{KIND_LABEL[conversation.kind]}</td>
                  <td className="num">{conversation.dayFileCount}</td>
                  <td className="nowrap">{conversation.firstDay ? (conversation.firstDay === conversation.lastDay ? conversation.firstDay : `${conversation.firstDay} – ${conversation.lastDay}`) : '—'}</td>
                  <td className="num">{count === undefined ? <span className="muted">counting…</span> : count === null ? <span title="A day file could not be read">?</span> : count.toLocaleString('en-US')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
