import { CSV_FIELDS, CSV_SEPARATORS, type CsvField, type CsvSeparator, type CsvTimelinePreview } from '@core/importers/csv-timeline';
import { DATE_ORDERS, type DateOrder } from '@core/importers/timestamps';
import type { ImportChoices } from './worker-protocol';

const FIELD_LABEL: Record<CsvField, string> = { time: 'Time', actor: 'Who', message: 'Message', source: 'Source / channel', kind: 'Kind', url: 'Link', id: 'Id' };
const DATE_ORDER_LABEL: Record<DateOrder, string> = { 'day-first': 'Day first (13/06/2024)', 'month-first': 'Month first (06/13/2024)' };
const SEPARATOR_LABEL: Record<CsvSeparator, string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab' };

interface Props {
  preview: CsvTimelinePreview;
  choices: ImportChoices;
  onChange(choices: ImportChoices): void;
}

/** Column mapping, separator, date format and zone for times written without one, over the first rows. */
export function CsvPreviewPanel({ preview, choices, onChange }: Props) {
  return (
    <div className="import-preview">
      <div className="import-mapping">
        {CSV_FIELDS.map((field) => (
          <label key={field}>
            {FIELD_LABEL[field]}
            <select
              aria-label={`${FIELD_LABEL[field]} column`}
              value={preview.mapping[field] ?? ''}
              onChange={(e) => onChange({ ...choices, mapping: { ...preview.mapping, ...choices.mapping, [field]: e.target.value || null } })}
            >
              <option value="">(none)</option>
              {preview.headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          Separator
          <select aria-label="Separator" value={preview.separator} onChange={(e) => onChange({ ...choices, separator: e.target.value as CsvSeparator })}>
            {CSV_SEPARATORS.map((separator) => (
              <option key={separator} value={separator}>
                {SEPARATOR_LABEL[separator]}
              </option>
            ))}
          </select>
        </label>
        {preview.dates.numeric && (
          <label>
            Date format
            <select
              aria-label="Date format"
              value={preview.dates.used ?? ''}
              onChange={(e) => onChange({ ...choices, dateOrder: (e.target.value || undefined) as DateOrder | undefined })}
            >
              {preview.dates.used === null && (
                <option value="" disabled>
                  Choose…
                </option>
              )}
              {DATE_ORDERS.map((order) => (
                <option key={order} value={order}>
                  {DATE_ORDER_LABEL[order]}
                  {order === preview.dates.detected ? ', detected' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Zone for times without one
          <input aria-label="Zone for times without one" value={choices.timeZone ?? 'UTC'} onChange={(e) => onChange({ ...choices, timeZone: e.target.value.trim() || undefined })} />
        </label>
      </div>
      {preview.mapping.time === null && <p className="field-error">Choose the column that holds the time of each row.</p>}
      {preview.errors.length > 0 && (
        <ul className="import-error" role="alert" aria-label="Problems to fix before importing">
          {preview.errors.slice(0, 5).map((error, i) => (
            <li key={i}>{error.message}</li>
          ))}
          {preview.errors.length > 5 && <li>… and {preview.errors.length - 5} more</li>}
        </ul>
      )}
      <p className="muted">{preview.eventCount === null ? '' : `${preview.eventCount.toLocaleString('en-US')} rows. `}First rows:</p>
      {/* It scrolls: a tab stop lets the keyboard scroll it too. */}
      <div className="import-table-wrap" tabIndex={0} role="region" aria-label="First rows of the CSV">
        <table className="import-table" aria-label="First rows of the CSV">
          <thead>
            <tr>
              {preview.headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, index) => (
              <tr key={index}>
                {preview.headers.map((header, column) => (
                  <td key={header}>{row[column] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
