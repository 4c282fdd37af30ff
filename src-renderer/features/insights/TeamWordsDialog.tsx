import { useState, type FormEvent } from 'react';
import { saveTeamVocabulary, useTeamVocabulary } from '@data/insights';
import { Dialog } from '@ui/Dialog';
import { FormFooter } from '@ui/FormFooter';
import { useToast } from '@ui/toast-context';
import { parseTeamWords, TEAM_LISTS, teamWordsText } from './team-words';

/**
 * The team's own words for the catalog (its services and failure domains, triggers, detection
 * methods, resolutions): each list, when filled, replaces the one Debrief ships in every
 * incident's Catalog and in Insights' groupings.
 */
export function TeamWordsDialog({ onClose }: { onClose: () => void }) {
  const saved = useTeamVocabulary();
  const [text, setText] = useState(() => teamWordsText(saved));
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTeamWords(text);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    try {
      await saveTeamVocabulary(parsed.vocabulary);
      toast.show({ message: 'Your team’s catalog words are saved.', tone: 'success' });
      onClose();
    } catch (failure) {
      setError(`The words could not be saved: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  };
  return (
    <Dialog open title="Your team’s catalog words" onClose={onClose} wide>
      <form className="incident-form ins-team-words" onSubmit={(event) => void submit(event)}>
        <p className="muted">One per line. A list you fill in replaces Debrief’s in every incident’s Catalog; leave it empty to keep Debrief’s (shown greyed).</p>
        <div className="ins-team-words-grid">
          {TEAM_LISTS.map(({ key, label, shipped }, index) => (
            <label key={key} className="field">
              <span>{label}</span>
              <textarea
                rows={7}
                value={text[key]}
                placeholder={shipped.join('\n')}
                data-autofocus={index === 0 ? true : undefined}
                onChange={(event) => {
                  setText({ ...text, [key]: event.target.value });
                  setError(null);
                }}
              />
            </label>
          ))}
        </div>
        <FormFooter error={error} submitLabel="Save words" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
