/**
 * Every keyboard shortcut in the app, in one place: the help sheet (?), the command palette
 * (Ctrl/Cmd+K), the README and the conflict test all read this list, and every handler is
 * registered against one of these ids.
 */
export type ShortcutScope = 'app' | 'library' | 'incident' | 'timeline' | 'review' | 'action-items' | 'action-row' | 'meeting' | 'editor';

export const SCOPE_TITLES: Record<ShortcutScope, string> = {
  app: 'Everywhere',
  library: 'Incident library',
  incident: 'Inside an incident',
  timeline: 'Timeline',
  review: 'Review',
  'action-items': 'Action items',
  'action-row': 'A focused action-item row',
  meeting: 'Review meeting view',
  editor: 'Text editors (postmortem, annotations)',
};

/**
 * Scopes whose shortcuts can be live at the same moment; a key may mean one thing only within
 * each group. The meeting view takes every key for itself; a focused action-item row and the
 * editors handle their keys before the page does.
 */
export const LIVE_TOGETHER: readonly (readonly ShortcutScope[])[] = [
  ['app', 'library'],
  ['app', 'incident', 'timeline'],
  ['app', 'incident', 'review'],
  ['app', 'incident', 'action-items', 'action-row'],
  ['app', 'action-row'],
  ['meeting'],
  ['app', 'incident', 'editor'],
];

export interface ShortcutDef {
  scope: ShortcutScope;
  label: string;
  /** Empty: reached from the command palette only. */
  keys: readonly string[];
  /** "dialog": keys of the open dialog itself; page keys never run while a dialog is open. */
  context?: 'page' | 'dialog';
  /** Fires while focus is in a text field (single keys never do unless this is set). */
  inInputs?: boolean;
}

export const SHORTCUTS = {
  'app.palette': { scope: 'app', label: 'Command palette', keys: ['Mod+k'], inInputs: true },
  'app.help': { scope: 'app', label: 'Keyboard shortcuts', keys: ['?'] },
  'app.new-incident': { scope: 'app', label: 'New incident', keys: ['c'] },
  'app.export': { scope: 'app', label: 'Export (backup in the library, the postmortem in an incident)', keys: ['Mod+Shift+e'], inInputs: true },
  'app.undo': { scope: 'app', label: 'Undo the last deletion', keys: ['Mod+z'], inInputs: false },
  'app.go-library': { scope: 'app', label: 'Go to the incident library', keys: [] },
  'app.go-action-items': { scope: 'app', label: 'Go to all action items', keys: [] },
  'app.go-people': { scope: 'app', label: 'Go to people', keys: [] },
  'app.backup': { scope: 'app', label: 'Back up or restore the library', keys: [] },
  'library.search': { scope: 'library', label: 'Search incidents', keys: ['/'] },
  'incident.tab-timeline': { scope: 'incident', label: 'Timeline tab', keys: ['Alt+1'] },
  'incident.tab-review': { scope: 'incident', label: 'Review tab', keys: ['Alt+2'] },
  'incident.tab-postmortem': { scope: 'incident', label: 'Postmortem tab', keys: ['Alt+3'] },
  'incident.tab-actions': { scope: 'incident', label: 'Action items tab', keys: ['Alt+4'] },
  'incident.edit': { scope: 'incident', label: 'Edit the incident', keys: ['e'] },
  'timeline.next': { scope: 'timeline', label: 'Next event', keys: ['j'] },
  'timeline.previous': { scope: 'timeline', label: 'Previous event', keys: ['k'] },
  'timeline.pin': { scope: 'timeline', label: 'Pin or unpin the selected event', keys: ['p'] },
  'timeline.milestone': { scope: 'timeline', label: 'Set a milestone at the selected event', keys: ['m'] },
  'timeline.thread': { scope: 'timeline', label: 'Open or close the selected thread', keys: ['t'] },
  'timeline.search': { scope: 'timeline', label: 'Search the timeline', keys: ['/'] },
  'timeline.next-match': { scope: 'timeline', label: 'Next search match', keys: ['n'] },
  'timeline.previous-match': { scope: 'timeline', label: 'Previous search match', keys: ['Shift+n'] },
  'timeline.clear': { scope: 'timeline', label: 'Clear the search, then the selection', keys: ['Escape'], inInputs: true },
  'review.meeting': { scope: 'review', label: 'Start the review meeting', keys: ['f'] },
  'actions.new': { scope: 'action-items', label: 'New action item', keys: ['a'] },
  'row.down': { scope: 'action-row', label: 'Next row', keys: ['j', 'ArrowDown'] },
  'row.up': { scope: 'action-row', label: 'Previous row', keys: ['k', 'ArrowUp'] },
  'row.first': { scope: 'action-row', label: 'First row', keys: ['Home'] },
  'row.last': { scope: 'action-row', label: 'Last row', keys: ['End'] },
  'row.status': { scope: 'action-row', label: 'Next status', keys: ['s'] },
  'row.status-digit': { scope: 'action-row', label: 'Status: 1 Open, 2 In progress, 3 Blocked, 4 Done, 5 Won’t do', keys: ['1', '2', '3', '4', '5'] },
  'row.priority': { scope: 'action-row', label: 'Next priority', keys: ['p'] },
  'row.owner': { scope: 'action-row', label: 'Edit the owner', keys: ['o'] },
  'row.due': { scope: 'action-row', label: 'Edit the due date', keys: ['d'] },
  'row.open': { scope: 'action-row', label: 'Open the item', keys: ['Enter'] },
  'row.delete': { scope: 'action-row', label: 'Delete the item (Undo in the notice or Ctrl/Cmd+Z)', keys: ['Delete'] },
  'meeting.next': { scope: 'meeting', label: 'Next item', keys: ['ArrowRight', 'Space', 'PageDown'] },
  'meeting.previous': { scope: 'meeting', label: 'Previous item', keys: ['ArrowLeft', 'PageUp'] },
  'meeting.timer': { scope: 'meeting', label: 'Start or pause the timer', keys: ['t'] },
  'meeting.note': { scope: 'meeting', label: 'Capture a note', keys: ['n'] },
  'meeting.question': { scope: 'meeting', label: 'Capture a question', keys: ['q'] },
  'meeting.action': { scope: 'meeting', label: 'Capture an action item', keys: ['a'] },
  'meeting.help': { scope: 'meeting', label: 'Show or hide the meeting keys', keys: ['?'] },
  'meeting.leave': { scope: 'meeting', label: 'Leave the meeting view', keys: ['Escape'] },
  'editor.bold': { scope: 'editor', label: 'Bold', keys: ['Mod+b'] },
  'editor.italic': { scope: 'editor', label: 'Italic', keys: ['Mod+i'] },
  'editor.link': { scope: 'editor', label: 'Link', keys: ['Mod+k'] },
  'editor.heading': { scope: 'editor', label: 'Heading', keys: ['Mod+Alt+2'] },
  'editor.paragraph': { scope: 'editor', label: 'Paragraph', keys: ['Mod+Alt+0'] },
  'editor.numbered': { scope: 'editor', label: 'Numbered list', keys: ['Mod+Shift+7'] },
  'editor.bullets': { scope: 'editor', label: 'Bulleted list', keys: ['Mod+Shift+8'] },
  'editor.checklist': { scope: 'editor', label: 'Checklist', keys: ['Mod+Shift+9'] },
  'editor.quote': { scope: 'editor', label: 'Quote', keys: ['Mod+Alt+q'] },
  'editor.code': { scope: 'editor', label: 'Code block', keys: ['Mod+Alt+c'] },
  'editor.table': { scope: 'editor', label: 'Table', keys: ['Mod+Alt+t'] },
  'editor.undo': { scope: 'editor', label: 'Undo typing', keys: ['Mod+z'] },
  'editor.explain': { scope: 'editor', label: 'Open the blameless suggestion for the flagged phrase at the caret', keys: ['Alt+Enter'] },
  'form.submit': { scope: 'app', label: 'Save the open form', keys: ['Mod+Enter'], context: 'dialog', inInputs: true },
  'dialog.close': { scope: 'app', label: 'Close the open dialog', keys: ['Escape'], context: 'dialog' },
} as const satisfies Record<string, ShortcutDef>;

export type ShortcutId = keyof typeof SHORTCUTS;

/**
 * Keys an editor or a focused row takes before the page sees them, on purpose: in a text
 * editor Ctrl/Cmd+K makes a link and Ctrl/Cmd+Z undoes typing, as in every editor.
 */
export const DELIBERATE_OVERRIDES: readonly (readonly [ShortcutId, ShortcutId])[] = [
  ['editor.link', 'app.palette'],
  ['editor.undo', 'app.undo'],
];

export function shortcutDef(id: ShortcutId): ShortcutDef {
  return SHORTCUTS[id];
}
