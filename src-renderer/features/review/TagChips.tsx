import { ANNOTATION_TAGS, type AnnotationTag } from '@core/model/annotation';

export const TAG_LABEL: Record<AnnotationTag, string> = {
  question: 'Question',
  'contributing factor': 'Contributing factor',
  'went well': 'Went well',
  'went poorly': 'Went poorly',
  'where we got lucky': 'Where we got lucky',
  'follow-up': 'Follow-up',
};

interface TagChipsProps {
  selected: readonly AnnotationTag[];
  onToggle: (tag: AnnotationTag) => void;
  label: string;
  counts?: Record<AnnotationTag, number>;
}

/** Toggle buttons, one per tag; used to tag a note and to filter the list. */
export function TagChips({ selected, onToggle, label, counts }: TagChipsProps) {
  return (
    <div className="rv-tags" role="group" aria-label={label}>
      {ANNOTATION_TAGS.map((tag) => (
        <button key={tag} type="button" className={`rv-tag rv-tag-${tag.replace(/\s+/g, '-')}`} aria-pressed={selected.includes(tag)} onClick={() => onToggle(tag)}>
          {TAG_LABEL[tag]}
          {counts && <span className="rv-tag-count"> {counts[tag]}</span>}
        </button>
      ))}
    </div>
  );
}
