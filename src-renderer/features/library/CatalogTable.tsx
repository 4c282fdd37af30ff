import { useState } from 'react';
import { catalogCsv, catalogMarkdown } from '@core/catalog/catalog-export';
import type { CatalogRow } from '@core/catalog/catalog-row';
import { platform } from '@platform/index';
import { SeverityBadge } from '@ui/SeverityBadge';

interface CatalogTableProps {
  rows: readonly CatalogRow[];
  onOpen: (id: string) => void;
}

const minutes = (n: number | null) => (n === null ? '—' : `${n} min`);
const list = (values: string[]) => (values.length ? values.join(', ') : '—');

/** The library as a table of catalog fields; exports exactly the rows shown. */
export function CatalogTable({ rows, onOpen }: CatalogTableProps) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const save = async (kind: 'csv' | 'md') => {
    try {
      const saved =
        kind === 'csv'
          ? await platform.saveFile(catalogCsv(rows), { suggestedName: 'incident-catalog.csv', mimeType: 'text/csv', filter: { name: 'CSV', extensions: ['csv'] } })
          : await platform.saveFile(catalogMarkdown(rows), { suggestedName: 'incident-catalog.md', mimeType: 'text/markdown', filter: { name: 'Markdown', extensions: ['md'] } });
      if (saved) setMessage({ error: false, text: `Exported ${rows.length} incident${rows.length === 1 ? '' : 's'}.` });
    } catch (error) {
      setMessage({ error: true, text: `Could not export: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <section className="catalog-table" aria-label="Incident catalog">
      <div className="library-toolbar">
        <button type="button" onClick={() => void save('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => void save('md')}>
          Export Markdown
        </button>
        {message && (
          <span role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'muted'}>
            {message.text}
          </span>
        )}
      </div>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">Catalog fields of the incidents shown</caption>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Started</th>
              <th scope="col">Services</th>
              <th scope="col">Failure domains</th>
              <th scope="col">Trigger</th>
              <th scope="col">Contributing factors</th>
              <th scope="col">Detection</th>
              <th scope="col">Resolution</th>
              <th scope="col">Lessons</th>
              <th scope="col">Duration</th>
              <th scope="col">Customer impact</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <SeverityBadge severity={row.severity} />{' '}
                  <button type="button" className="link-button" onClick={() => onOpen(row.id)}>
                    {row.title}
                  </button>
                </th>
                <td>{new Date(row.startedAt).toISOString().slice(0, 10)}</td>
                <td>{list(row.services)}</td>
                <td>{list(row.catalog.failureDomains)}</td>
                <td>{row.catalog.trigger || '—'}</td>
                <td>{list(row.catalog.contributingFactors)}</td>
                <td>{row.catalog.detectionMethod || '—'}</td>
                <td>{row.catalog.resolution || '—'}</td>
                <td>
                  {row.catalog.lessons.wentWell.length} well · {row.catalog.lessons.wentPoorly.length} poorly · {row.catalog.lessons.lucky.length} lucky
                </td>
                <td>{minutes(row.durationMinutes)}</td>
                <td>{minutes(row.customerImpactMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
