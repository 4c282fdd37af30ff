import { useEffect, useRef, useState } from 'react';
import { formatWithZoneName } from '@core/time/format-in-zone';
import { viewerTimeZone } from '@core/time/zones';
import { Dialog } from '@ui/Dialog';
import { useToast } from '@ui/toast-context';
import { markMentionsRead, useMentions, type Mention } from './mention-inbox';
import { commentThreadRoute, navigate } from '@ui/route';

/** Marks it read and shows its thread in the incident's postmortem. */
function openMention(mention: Mention): void {
  void markMentionsRead([mention.id]);
  navigate(mention.threadId ? commentThreadRoute(mention.incidentId, mention.threadId) : { name: 'incident', incidentId: mention.incidentId, tab: 'postmortem' });
}

const excerpt = (text: string, length = 90) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * The top bar's "Mentions": comments where a teammate @mentioned this person. A new one shows a
 * toast with Open (the desktop notification is sent where it is noticed, mention-inbox.ts); the
 * list keeps them until read.
 */
export function MentionsInbox() {
  const toast = useToast();
  const mentions = useMentions();
  const [open, setOpen] = useState(false);
  // Ids already on screen when the list was first read: only later ones get a toast.
  const seen = useRef<Set<string> | null>(null);

  const show = (mention: Mention) => {
    setOpen(false);
    openMention(mention);
  };

  useEffect(() => {
    if (!mentions) return;
    if (!seen.current) {
      seen.current = new Set(mentions.map((m) => m.id));
      return;
    }
    for (const mention of mentions) {
      if (seen.current.has(mention.id)) continue;
      seen.current.add(mention.id);
      if (mention.read) continue;
      toast.show({
        message: `${mention.author} mentioned you: “${excerpt(mention.text)}”`,
        actionLabel: 'Open',
        onAction: () => openMention(mention),
        timeoutMs: 12_000,
      });
    }
  }, [mentions, toast]);

  if (!mentions || mentions.length === 0) return null;
  const unread = mentions.filter((m) => !m.read).length;
  const zone = viewerTimeZone();
  const newestFirst = [...mentions].sort((a, b) => b.at - a.at);
  return (
    <>
      <button type="button" className="mentions-button" onClick={() => setOpen(true)} aria-label={unread > 0 ? `Mentions, ${unread} unread` : 'Mentions'}>
        Mentions{unread > 0 && <span className="mentions-count">{unread}</span>}
      </button>
      {open && (
        <Dialog open title="Mentions" onClose={() => setOpen(false)}>
          <div className="dialog-body">
            <ul className="mentions-list">
              {newestFirst.map((mention) => (
                <li key={mention.id} className={mention.read ? 'mention-entry' : 'mention-entry mention-unread'}>
                  <p className="mention-head">
                    <strong>{mention.author}</strong> on “{excerpt(mention.quote, 60)}” <span className="muted">{formatWithZoneName(mention.at, zone)}</span>
                  </p>
                  <p className="mention-text">{mention.text}</p>
                  <button type="button" onClick={() => show(mention)}>
                    Open
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <footer className="pm-dialog-actions">
            <button type="button" disabled={unread === 0} onClick={() => void markMentionsRead('all')}>
              Mark all read
            </button>
            <button type="button" className="primary" onClick={() => setOpen(false)}>
              Close
            </button>
          </footer>
        </Dialog>
      )}
    </>
  );
}
