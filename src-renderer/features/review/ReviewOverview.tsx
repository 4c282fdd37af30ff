import type { Annotation } from '@core/model/annotation';
import { ANNOTATION_TAGS } from '@core/model/annotation';
import { countByTag, openQuestions } from './annotation-filters';
import { TAG_LABEL } from './TagChips';

interface ReviewOverviewProps {
  momentCount: number;
  annotations: readonly Annotation[];
  labelFor: (annotation: Annotation) => string;
}

/** The state of the review at a glance: how long the agenda is, what was said, what is open. */
export function ReviewOverview({ momentCount, annotations, labelFor }: ReviewOverviewProps) {
  const counts = countByTag(annotations);
  const questions = openQuestions(annotations);
  return (
    <section className="rv-overview" aria-labelledby="rv-overview-title">
      <h2 id="rv-overview-title" className="sr-only">
        Overview
      </h2>
      <dl className="rv-stats">
        <div>
          <dt>Agenda</dt>
          <dd>
            {momentCount} key moment{momentCount === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>Annotations</dt>
          <dd>{annotations.length}</dd>
        </div>
        {ANNOTATION_TAGS.map((tag) => (
          <div key={tag}>
            <dt>{TAG_LABEL[tag]}</dt>
            <dd>{counts[tag]}</dd>
          </div>
        ))}
      </dl>
      <div className="rv-questions">
        <h3>Open questions</h3>
        {questions.length === 0 ? (
          <p className="muted">No open questions. Tag an annotation “Question”, or press Q in the meeting, to collect what the team wants to find out.</p>
        ) : (
          <ul>
            {questions.map((q) => (
              <li key={q.id}>
                <span className="rv-question-text">{q.plainText.trim()}</span> <span className="muted">— {labelFor(q)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
