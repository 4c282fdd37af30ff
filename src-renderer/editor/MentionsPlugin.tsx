import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption, useBasicTypeaheadTriggerMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $createTextNode, type TextNode } from 'lexical';
import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { $createMentionNode } from './mention-node';
import { isValidReferenceId } from './url-policy';

export interface MentionPerson {
  id: string;
  name: string;
}

class PersonOption extends MenuOption {
  readonly person: MentionPerson;

  constructor(person: MentionPerson) {
    super(person.id);
    this.person = person;
  }
}

const MAX_OPTIONS = 8;

/** "@" opens a list of the incident's people; choosing one inserts a mention node. */
export function MentionsPlugin({ people }: { people: readonly MentionPerson[] }) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const triggerFn = useBasicTypeaheadTriggerMatch('@', { minLength: 0, allowWhitespace: true, maxLength: 40 });

  const options = useMemo(() => {
    const needle = (query ?? '').toLocaleLowerCase();
    return people
      .filter((p) => isValidReferenceId(p.id) && p.name.toLocaleLowerCase().includes(needle))
      .slice(0, MAX_OPTIONS)
      .map((p) => new PersonOption(p));
  }, [people, query]);

  const onSelectOption = (option: PersonOption, textNode: TextNode | null, closeMenu: () => void) => {
    editor.update(() => {
      const mention = $createMentionNode(option.person.id, option.person.name);
      if (textNode) textNode.replace(mention);
      const space = $createTextNode(' ');
      mention.insertAfter(space);
      space.select(1, 1);
      closeMenu();
    });
  };

  return (
    <LexicalTypeaheadMenuPlugin<PersonOption>
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={triggerFn}
      options={options}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current && options.length > 0
          ? createPortal(
              <ul className="editor-typeahead" role="listbox" aria-label="People to mention">
                {options.map((option, index) => (
                  <li
                    key={option.key}
                    id={`mention-${option.key}`}
                    ref={(el) => option.setRefElement(el)}
                    role="option"
                    aria-selected={selectedIndex === index}
                    className={selectedIndex === index ? 'editor-typeahead-item selected' : 'editor-typeahead-item'}
                    onMouseEnter={() => setHighlightedIndex(index)}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      selectOptionAndCleanUp(option);
                    }}
                  >
                    {option.person.name}
                  </li>
                ))}
              </ul>,
              anchor.current,
            )
          : null
      }
    />
  );
}
