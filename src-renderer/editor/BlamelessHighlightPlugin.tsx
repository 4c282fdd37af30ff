import { autoUpdate, flip, offset, shift, useFloating } from '@floating-ui/react';
import { lintBlameless, withoutDismissed, type BlamelessFinding } from '@core/blameless/lint-blameless';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { $collectLintText, $replaceRange, replacementFor, segmentsInRange, type LintText } from './blameless-text';

export interface BlamelessHighlightPluginProps {
  /** Display names of the incident's people, so "Alice forgot" is recognised. */
  people: readonly string[];
  dismissed: readonly string[];
  onDismiss: (findingId: string) => void;
  onFindingsChange?: (count: number) => void;
}

/** The name styled by `::highlight(blameless-finding)` in editor.css. */
const HIGHLIGHT_NAME = 'blameless-finding';

/**
 * Underlines are drawn with the CSS Custom Highlight API over DOM ranges, never as nodes, so
 * findings add nothing to the stored state, the undo history or the exported Markdown. All
 * editors share one Highlight; each adds and removes only its own ranges.
 */
function sharedHighlight(): Highlight | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return null;
  const existing = CSS.highlights.get(HIGHLIGHT_NAME);
  if (existing) return existing;
  const created = new Highlight();
  CSS.highlights.set(HIGHLIGHT_NAME, created);
  return created;
}

function domTextNode(element: HTMLElement | null): Text | null {
  let node: Node | null = element;
  while (node && node.nodeType !== Node.TEXT_NODE) node = node.firstChild;
  return node as Text | null;
}

function domRanges(editor: LexicalEditor, lintText: LintText, finding: BlamelessFinding): Range[] {
  return segmentsInRange(lintText, finding.start, finding.end).flatMap((piece) => {
    const text = domTextNode(editor.getElementByKey(piece.key));
    if (!text || piece.to > text.length) return [];
    const range = document.createRange();
    range.setStart(text, piece.from);
    range.setEnd(text, piece.to);
    return [range];
  });
}

interface Active {
  finding: BlamelessFinding;
  /** The flagged words' first range, which the popover is placed against. */
  range: Range;
}

/** Flags blaming language while people write, with an explanation and a suggested rewrite. */
export function BlamelessHighlightPlugin({ people, dismissed, onDismiss, onFindingsChange }: BlamelessHighlightPluginProps) {
  const [editor] = useLexicalComposerContext();
  const [active, setActive] = useState<Active | null>(null);
  const state = useRef<{ lintText: LintText; findings: BlamelessFinding[]; ranges: Range[] }>({ lintText: { text: '', segments: [] }, findings: [], ranges: [] });
  const lastCount = useRef<number | null>(null);
  const popoverRef = useRef<HTMLDivElement | null>(null);
  // Below the words when it fits, else above, else pushed back into the window; it follows
  // the words when the page scrolls or resizes.
  const { refs, floatingStyles, placement, isPositioned } = useFloating({
    open: active !== null,
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8, crossAxis: true })],
    whileElementsMounted: autoUpdate,
  });

  const findingAtCaret = useCallback((): BlamelessFinding | null => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
    const segment = state.current.lintText.segments.find((s) => s.key === selection.anchor.key);
    if (!segment) return null;
    const offset = segment.start + selection.anchor.offset;
    return state.current.findings.find((f) => f.start <= offset && offset <= f.end) ?? null;
  }, []);

  const refresh = useCallback(() => {
    const highlight = sharedHighlight();
    const { lintText, findings } = editor.getEditorState().read(() => {
      const collected = $collectLintText();
      return { lintText: collected, findings: withoutDismissed(lintBlameless(collected.text, { people }), dismissed) };
    });
    for (const range of state.current.ranges) highlight?.delete(range);
    const ranges = findings.flatMap((finding) => domRanges(editor, lintText, finding));
    for (const range of ranges) highlight?.add(range);
    state.current = { lintText, findings, ranges };
    if (lastCount.current !== findings.length) {
      lastCount.current = findings.length;
      onFindingsChange?.(findings.length);
    }
    const atCaret = editor.getEditorState().read(findingAtCaret);
    const first = atCaret ? domRanges(editor, lintText, atCaret)[0] : undefined;
    setActive(atCaret && first ? { finding: atCaret, range: first } : null);
  }, [dismissed, editor, findingAtCaret, onFindingsChange, people]);

  useEffect(() => {
    // The first pass waits a frame so the editor's DOM exists to place ranges in.
    const frame = requestAnimationFrame(refresh);
    return mergeRegister(
      () => cancelAnimationFrame(frame),
      editor.registerUpdateListener(() => refresh()),
      // Alt+Enter on a flagged phrase moves focus into its suggestion, for keyboard users.
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          if (event.key !== 'Enter' || !event.altKey || !popoverRef.current) return false;
          event.preventDefault();
          popoverRef.current.querySelector('button')?.focus();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      () => {
        const highlight = sharedHighlight();
        for (const range of state.current.ranges) highlight?.delete(range);
        state.current.ranges = [];
      },
    );
  }, [editor, refresh]);

  useLayoutEffect(() => {
    const root = editor.getRootElement();
    refs.setPositionReference(
      active
        ? { getBoundingClientRect: () => active.range.getBoundingClientRect(), getClientRects: () => active.range.getClientRects(), contextElement: root ?? undefined }
        : null,
    );
  }, [active, editor, refs]);

  if (!active || !editor.isEditable()) return null;
  const { finding } = active;
  const replacement = replacementFor(finding.suggestion);

  const replace = () => {
    editor.update(() => {
      $replaceRange(state.current.lintText, finding.start, finding.end, finding.match, replacement);
    });
    editor.focus();
  };
  const dismiss = () => {
    onDismiss(finding.id);
    setActive(null);
    editor.focus();
  };

  return createPortal(
    <div
      ref={(element) => {
        popoverRef.current = element;
        refs.setFloating(element);
      }}
      className="blameless-popover"
      role="dialog"
      aria-label="Blameless language suggestion"
      data-side={placement.startsWith('top') ? 'above' : 'below'}
      style={{ ...floatingStyles, visibility: isPositioned ? 'visible' : 'hidden' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') editor.focus();
      }}
    >
      <p className="blameless-popover-message">{finding.message}</p>
      <p className="blameless-popover-suggestion">{finding.suggestion}</p>
      <div className="blameless-popover-actions">
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={replace} title={`Replace with “${replacement}”`}>
          Replace with suggestion
        </button>
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>,
    document.body,
  );
}
