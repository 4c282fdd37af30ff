import { useEffect, useRef, useState } from 'react';

/**
 * The text an editor should show when its stored copy can change from outside (a teammate's edit
 * arriving through team sync). The editor reads its text once, when it mounts: when the stored
 * text differs from both what it was mounted with and what this editor last produced, the
 * returned `key` changes so the editor mounts again with it. Never while the person is typing
 * here (`editing`): their next save is the later edit and wins; the other text stays in history.
 */
export function useOutsideText(stored: string, editing: boolean): { key: number; text: string; produced: (text: string) => void } {
  const [shown, setShown] = useState({ key: 0, text: stored });
  const lastProduced = useRef<string | null>(null);
  useEffect(() => {
    if (editing || stored === shown.text || stored === lastProduced.current) return;
    lastProduced.current = null;
    setShown((current) => ({ key: current.key + 1, text: stored }));
  }, [stored, editing, shown.text]);
  return {
    key: shown.key,
    text: shown.text,
    produced: (text) => {
      lastProduced.current = text;
    },
  };
}
