import { useState } from 'react';
import { TemplateError } from '@core/postmortem/template-error';
import { platform } from '@platform/index';
import { PostmortemError } from './postmortem-error';
import { addUserTemplate, removeUserTemplate, type TemplateChoice } from './user-templates';

interface TemplatePickerProps {
  choices: readonly TemplateChoice[];
  selectedId: string;
  onSelect: (templateId: string) => void;
}

/** Radio list of templates plus "Add template…" for the user's own files. */
export function TemplatePicker({ choices, selectedId, onSelect }: TemplatePickerProps) {
  const [error, setError] = useState<string | null>(null);

  const addTemplate = async () => {
    setError(null);
    const [picked] = await platform.pickFiles({ accept: ['.md'] });
    if (!picked) return;
    try {
      const template = await addUserTemplate(picked.path || picked.file.name, await picked.file.text());
      onSelect(template.id);
    } catch (caught) {
      if (caught instanceof TemplateError) setError(caught.describe());
      else if (caught instanceof PostmortemError) setError(caught.message);
      else throw caught;
    }
  };

  return (
    <div className="pm-templates">
      <fieldset className="pm-template-list">
        <legend>Template</legend>
        {choices.map(({ template, fileName }) => (
          <label key={template.id} className={template.id === selectedId ? 'pm-template pm-template-selected' : 'pm-template'}>
            <input type="radio" name="pm-template" value={template.id} checked={template.id === selectedId} onChange={() => onSelect(template.id)} />
            <span className="pm-template-text">
              <span className="pm-template-name">
                {template.name}
                {fileName && <span className="badge">Your template · {fileName}</span>}
              </span>
              <span className="pm-template-description muted">{template.description}</span>
            </span>
            {fileName && (
              <button
                type="button"
                className="link-button"
                aria-label={`Remove template ${template.name}`}
                onClick={(event) => {
                  event.preventDefault();
                  void removeUserTemplate(template.id);
                  if (template.id === selectedId) onSelect(choices[0]?.template.id ?? '');
                }}
              >
                Remove
              </button>
            )}
          </label>
        ))}
      </fieldset>
      <div className="pm-template-add">
        <button type="button" onClick={() => void addTemplate()}>
          Add template…
        </button>
        <span className="muted">A Markdown file with front matter; see the template guide in templates/README.md.</span>
      </div>
      {error && (
        <p className="pm-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
