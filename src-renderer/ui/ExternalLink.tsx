import { useContext, type ReactNode } from 'react';
import { safeLink } from '@core/links/safe-link';
import { OpenExternalContext } from './external-link-context';

interface ExternalLinkProps {
  /** The URL as the source recorded it; it is checked and, for mailto, rebuilt here. */
  url: string;
  /** The text the source showed for the link; compared with where it really goes. */
  label: string;
  className?: string;
  /** What to render inside the anchor (e.g. search-hit marks); defaults to the label. */
  children?: ReactNode;
}

/**
 * Every link from outside the app goes through here: an unsafe URL renders as plain text, a
 * mailto opens rebuilt from its address, subject and body, and a label that reads as another
 * address is followed by the host (or mailbox) the link really opens.
 */
export function ExternalLink({ url, label, className, children }: ExternalLinkProps) {
  const open = useContext(OpenExternalContext);
  const link = safeLink(url, label);
  if (!link) return <span className={className}>{children ?? label}</span>;
  return (
    <>
      <a
        href={link.href}
        className={className}
        title={link.href}
        rel="noopener noreferrer"
        onClick={(event) => {
          event.preventDefault();
          void open(link.href);
        }}
      >
        {children ?? link.label}
      </a>
      {link.realTarget && (
        <span className="link-real-target" title={`The text of this link shows another address than the one it opens: ${link.href}`}>
          {' '}
          <span className="sr-only">opens </span>({link.realTarget})
        </span>
      )}
    </>
  );
}
