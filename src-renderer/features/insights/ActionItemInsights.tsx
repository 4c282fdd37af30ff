import { OVERDUE_BUCKETS, overdueBucket } from '@core/insights/action-stats';
import { formatShare } from '@core/insights/format';
import type { InsightsView } from '@core/insights/insights-view';
import { PRIORITIES } from '@core/model/action-item';

/** Are we closing our action items: open by priority and owner, SLA compliance, overdue age. */
export function ActionItemInsights({ view }: { view: InsightsView }) {
  const { open, compliance, overdue } = view;
  const buckets = OVERDUE_BUCKETS.map((b) => ({ bucket: b, count: overdue.filter((o) => overdueBucket(o.daysOverdue) === b).length }));
  return (
    <div className="ins-grid ins-grid-3">
      <section className="ins-card" aria-label="Open action items">
        <h3>Open action items</h3>
        <table>
          <caption className="sr-only">Open action items by priority</caption>
          <thead>
            <tr>
              {PRIORITIES.map((p) => (
                <th key={p} scope="col">
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {PRIORITIES.map((p) => (
                <td key={p}>{open.byPriority[p]}</td>
              ))}
            </tr>
          </tbody>
        </table>
        {open.byOwner.length === 0 ? (
          <p className="muted">No open action item among these incidents.</p>
        ) : (
          <table>
            <caption className="sr-only">Open action items by owner</caption>
            <thead>
              <tr>
                <th scope="col">Owner</th>
                <th scope="col">Open</th>
              </tr>
            </thead>
            <tbody>
              {open.byOwner.slice(0, 10).map((o) => (
                <tr key={o.owner}>
                  <th scope="row">{o.owner}</th>
                  <td>{o.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="ins-card" aria-label="SLA compliance">
        <h3>SLA compliance {compliance.overall.closed > 0 && <span className="muted">({formatShare(compliance.overall.rate)} overall)</span>}</h3>
        {compliance.overall.closed === 0 ? (
          <p className="muted">No action item with a due date was closed in this period.</p>
        ) : (
          <>
            <ComplianceTable by="priority" rows={compliance.byPriority} />
            <ComplianceTable by="owner" rows={compliance.byOwner} />
          </>
        )}
      </section>
      <section className="ins-card" aria-label="Overdue action items">
        <h3>Overdue: {overdue.length}</h3>
        <dl className="ins-buckets">
          {buckets.map((b) => (
            <div key={b.bucket}>
              <dt>{b.bucket}</dt>
              <dd>{b.count}</dd>
            </div>
          ))}
        </dl>
        {overdue.length > 0 && (
          <ul className="ins-overdue">
            {overdue.slice(0, 8).map((o) => (
              <li key={o.id}>
                <a href={`#/incidents/${encodeURIComponent(o.incidentId)}/actions`}>{o.title}</a>{' '}
                <span className="muted">
                  {o.priority} · {o.owner} · {o.daysOverdue} d overdue
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** One SLA-compliance table (by priority or by owner): the two share every column but the first. */
function ComplianceTable({ by, rows }: { by: 'priority' | 'owner'; rows: readonly { key: string; met: number; missed: number; rate: number | null }[] }) {
  return (
    <table>
      <caption className="sr-only">SLA compliance by {by}</caption>
      <thead>
        <tr>
          <th scope="col">{by === 'priority' ? 'Priority' : 'Owner'}</th>
          <th scope="col">Met</th>
          <th scope="col">Missed</th>
          <th scope="col">Rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key}</th>
            <td>{r.met}</td>
            <td>{r.missed}</td>
            <td>{formatShare(r.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
