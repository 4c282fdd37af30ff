import { useEffect, useMemo, useState } from 'react';
import type { CatalogRow } from '@core/catalog/catalog-row';
import { computeInsights } from '@core/insights/insights-view';
import { quarterRange } from '@core/insights/period';
import { reportBlocks, reportMarkdown, type ReportBlock, type ReportChart } from '@core/insights/report';
import type { ActionItem } from '@core/model/action-item';
import { platform } from '@platform/index';
import { chartImage, PRINT_THEME } from './chart-image';
import { metricSpec, severitySpec } from './chart-specs';
import { QuarterSelect } from './QuarterSelect';

interface ReportPanelProps {
  quarters: string[];
  initialQuarter: string;
  rows: CatalogRow[];
  actionItems: ActionItem[];
  deployNear: Set<string>;
  onClose: () => void;
}

type Images = Record<ReportChart, string>;

/**
 * The quarterly report: the same figures for the same quarter every time (computed as at the
 * quarter's end, over every incident of the quarter), with the charts as images. Saved as
 * Markdown (images inline) or printed to PDF through the app's print path.
 */
export function ReportPanel({ quarters, initialQuarter, rows, actionItems, deployNear, onClose }: ReportPanelProps) {
  const [quarter, setQuarter] = useState(initialQuarter);
  const [images, setImages] = useState<{ quarter: string; images: Images } | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const period = quarterRange(quarter);
  const view = useMemo(
    () => (period ? computeInsights(rows, actionItems, deployNear, { from: period.from, to: period.to, severities: [], service: '', trigger: '' }, period.to) : null),
    [rows, actionItems, deployNear, period?.from, period?.to], // eslint-disable-line react-hooks/exhaustive-deps -- period is derived from quarter
  );
  const blocks = useMemo(() => (view && period ? reportBlocks(view, period) : []), [view]); // eslint-disable-line react-hooks/exhaustive-deps -- period follows view

  useEffect(() => {
    if (!view) return;
    let live = true;
    void Promise.all([chartImage(severitySpec(view, PRINT_THEME)), chartImage(metricSpec(view, 'timeToMitigate', PRINT_THEME))]).then(([perMonth, mitigate]) => {
      if (live) setImages({ quarter, images: { 'incidents-per-month': perMonth, 'time-to-mitigate': mitigate } });
    });
    return () => {
      live = false;
    };
  }, [view, quarter]);

  const ready = images?.quarter === quarter ? images.images : null;
  const fileBase = `incident-report-${quarter}`;
  const save = async (kind: 'md' | 'pdf') => {
    if (!ready) return;
    try {
      const saved =
        kind === 'md'
          ? await platform.saveFile(reportMarkdown(blocks, ready), { suggestedName: `${fileBase}.md`, mimeType: 'text/markdown', filter: { name: 'Markdown', extensions: ['md'] } })
          : await platform.printToPdf(`${fileBase}.pdf`);
      if (saved) setMessage({ error: false, text: kind === 'md' ? 'Report saved as Markdown.' : 'Report sent to PDF.' });
    } catch (error) {
      setMessage({ error: true, text: `Could not save the report: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section className="ins-report-panel" aria-labelledby="ins-report-title">
      <div className="library-toolbar ins-report-tools">
        <h2 id="ins-report-title">Quarterly report</h2>
        <QuarterSelect quarters={quarters} value={quarter} onChange={setQuarter} />
        <button type="button" disabled={!ready} onClick={() => void save('md')}>
          Save Markdown
        </button>
        <button type="button" disabled={!ready} onClick={() => void save('pdf')}>
          Save PDF
        </button>
        <button type="button" onClick={onClose}>
          Close report
        </button>
        {message && (
          <span role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'muted'}>
            {message.text}
          </span>
        )}
      </div>
      <article className="ins-report" aria-label="Report preview">
        {blocks.map((b, i) => (
          <ReportBlockView key={i} block={b} images={ready} />
        ))}
      </article>
    </section>
  );
}

function ReportBlockView({ block, images }: { block: ReportBlock; images: Images | null }) {
  switch (block.type) {
    case 'heading':
      return block.level === 1 ? <h1>{block.text}</h1> : <h2>{block.text}</h2>;
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'chart':
      return images ? <img src={images[block.chart]} alt={block.alt} width={800} height={280} /> : <p className="muted">Drawing the chart…</p>;
    case 'table':
      return (
        <table>
          <thead>
            <tr>
              {block.header.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

