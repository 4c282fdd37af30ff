import { createContext } from 'react';

/**
 * How an external link is opened. The app provides the platform's opener (the desktop hands it
 * to the main process, which checks it again); without a provider a new tab opens without
 * opener or referrer, which Electron's window-open handler also turns into an external open.
 */
export type OpenExternal = (href: string) => void | Promise<void>;

export const OpenExternalContext = createContext<OpenExternal>((href) => {
  window.open(href, '_blank', 'noopener,noreferrer');
});
