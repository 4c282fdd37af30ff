import type { ReactNode } from 'react';

/**
 * Toolbar icons as inline SVG: symbols such as ☐ ❝ ▦ or the link emoji need a symbol or emoji
 * font that many Linux desktops lack, and then show as an empty box. The button carries the
 * accessible name, so the drawings are hidden from assistive technology.
 */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="editor-toolbar-icon"
      aria-hidden="true"
      focusable="false"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export function BulletListIcon() {
  return (
    <Icon>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4.5" cy="6" r="1.2" fill="currentColor" />
      <circle cx="4.5" cy="12" r="1.2" fill="currentColor" />
      <circle cx="4.5" cy="18" r="1.2" fill="currentColor" />
    </Icon>
  );
}

export function NumberedListIcon() {
  return (
    <Icon>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <path d="M4 4.5l1.5-1v5" strokeWidth="1.5" />
      <path d="M3.5 11.5a1.3 1.3 0 0 1 2.4.6c0 .9-2.4 2-2.4 3h2.6" strokeWidth="1.5" />
    </Icon>
  );
}

export function CheckListIcon() {
  return (
    <Icon>
      <rect x="3" y="4" width="6" height="6" rx="1" />
      <path d="M4.5 7l1.2 1.2L7.8 5.8" strokeWidth="1.5" />
      <rect x="3" y="14" width="6" height="6" rx="1" />
      <path d="M13 7h8M13 17h8" />
    </Icon>
  );
}

export function QuoteIcon() {
  return (
    <Icon>
      <path d="M5 5v14" />
      <path d="M10 8h10M10 12h10M10 16h6" />
    </Icon>
  );
}

export function CodeBlockIcon() {
  return (
    <Icon>
      <path d="M8 7l-5 5 5 5M16 7l5 5-5 5M13.5 5l-3 14" />
    </Icon>
  );
}

export function LinkIcon() {
  return (
    <Icon>
      <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2" />
      <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" />
    </Icon>
  );
}

export function TableIcon() {
  return (
    <Icon>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M3 10h18M3 15h18M9 4v16M15 4v16" />
    </Icon>
  );
}
