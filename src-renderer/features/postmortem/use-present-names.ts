import { useEffect, useState } from 'react';
import type { SharedDocument } from './use-shared-document';

/** Teammates' Team sync names seen in a document's presence (here now or in the background). */
function presentNames(awareness: SharedDocument['awareness']): string[] {
  const names: string[] = [];
  for (const state of awareness.getStates().values()) {
    const user = state.user as { name?: unknown } | undefined;
    if (typeof user?.name === 'string') names.push(user.name);
    if (typeof state.name === 'string') names.push(state.name);
  }
  return [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/** The names, current as people come and go; empty for a solo document. */
export function usePresentNames(shared: SharedDocument | null | undefined): string[] {
  const awareness = shared?.awareness;
  const [names, setNames] = useState<{ of: unknown; names: string[] }>({ of: null, names: [] });
  useEffect(() => {
    if (!awareness) return;
    const update = () => setNames({ of: awareness, names: presentNames(awareness) });
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return awareness && names.of === awareness ? names.names : [];
}
