import { ItemsView } from './ItemsView';
import { useSlaPolicy, useAllActionItems } from '@data/action-items';
import { viewerTimeZone } from '@core/time/zones';
import './action-items.css';

/** Action items across all incidents (the "Action items" page in the main navigation). */
export function ActionItemsOverview() {
  const data = useAllActionItems();
  const stored = useSlaPolicy();
  if (data === undefined || stored === undefined) return <p className="loading">Loading action items…</p>;
  return (
    <section className="ai-overview" aria-labelledby="ai-overview-title">
      <h1 id="ai-overview-title" className="page-title">
        Action items
      </h1>
      <ItemsView items={data.items} incidents={data.incidents} policy={stored.policy} policyProblem={stored.problem} timeZone={viewerTimeZone()} scope="All incidents" />
    </section>
  );
}
