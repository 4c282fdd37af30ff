import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LEGACY_IMPORTERS, layersRule } from './layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(import.meta.dirname, '..');
const file = (p) => path.join(root, p);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('debrief/layers', layersRule, {
  valid: [
    { code: "import { x } from '../model/incident';", filename: file('src-renderer/core/importers/a.ts') },
    { code: "import { z } from 'zod';", filename: file('src-renderer/core/a.ts') },
    { code: "import { TZDate } from '@date-fns/tz';", filename: file('src-renderer/core/a.ts') },
    { code: "import raw from '../../../templates/google-sre.md?raw';", filename: file('src-renderer/core/postmortem/a.ts') },
    { code: "import { db } from '@db/database';", filename: file('src-renderer/data/incidents/a.ts') },
    { code: "import { x } from '@db/schema';", filename: file('src-renderer/db/migrations/a.ts') },
    { code: "import { createIncident } from '@data/incidents';", filename: file('src-renderer/features/library/a.ts') },
    { code: "import { TimelineTab } from '@features/timeline';", filename: file('src-renderer/app/a.tsx') },
    { code: "import { x } from './incident-form';", filename: file('src-renderer/features/library/a.tsx') },
    { code: "import { useLiveQuery } from 'dexie-react-hooks';", filename: file('src-renderer/data/incidents/a.ts') },
    { code: "import type { DesktopApi } from '../../src-main/preload/desktop-api';", filename: file('src-renderer/platform/a.ts') },
    { code: "import { app } from 'electron';", filename: file('src-main/index.ts') },
    { code: "import { IPC_CHANNELS } from './preload/ipc-channels';", filename: file('src-main/ipc-handlers.ts') },
    { code: "import { isSafeLink } from '../src-renderer/core/links/safe-link';", filename: file('src-main/url-policy.ts') },
    { code: "import { contextBridge } from 'electron';", filename: file('src-main/preload/index.ts') },
    { code: "import { DESKTOP_API_KEY } from './desktop-api';", filename: file('src-main/preload/index.ts') },
    { code: "import { docName } from '@protocol/doc-names';", filename: file('src-renderer/data/sync/a.ts') },
  ],
  invalid: [
    { code: "import { useState } from 'react';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'corePkg' }] },
    { code: "import Dexie from 'dexie';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'corePkg' }] },
    { code: "import { marked } from 'marked';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'corePkg' }] },
    { code: "export const x = 1;", filename: file('src-renderer/core/a.tsx'), errors: [{ messageId: 'coreTsx' }] },
    { code: "import { db } from '../db/database';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'relative' }] },
    { code: "import { db } from '@db/database';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'db' }] },
    { code: "import { X } from '@features/library';", filename: file('src-renderer/db/a.ts'), errors: [{ messageId: 'layer' }] },
    { code: "import { X } from '@data/incidents';", filename: file('src-renderer/db/a.ts'), errors: [{ messageId: 'layer' }] },
    { code: "import { App } from '@app/App';", filename: file('src-renderer/features/library/a.tsx'), errors: [{ messageId: 'layer' }] },
    // @db only from data/ and db/.
    { code: "import { db } from '@db/database';", filename: file('src-renderer/features/library/a.ts'), errors: [{ messageId: 'db' }] },
    { code: "import type { DebriefDatabase } from '@db/schema';", filename: file('src-renderer/app/a.tsx'), errors: [{ messageId: 'db' }] },
    { code: "import { useLiveQuery } from 'dexie-react-hooks';", filename: file('src-renderer/features/library/a.ts'), errors: [{ messageId: 'pkg' }] },
    { code: "vi.mock('@db/database');", filename: file('src-renderer/features/library/a.test.ts'), errors: [{ messageId: 'db' }] },
    // Relative paths may not leave their layer.
    { code: "import { db } from '../../db/database';", filename: file('src-renderer/features/library/a.ts'), errors: [{ messageId: 'relative' }] },
    { code: "import { x } from '../../data/incidents';", filename: file('src-renderer/features/library/a.ts'), errors: [{ messageId: 'relative' }] },
    // No feature imports another; app composes them.
    { code: "import { ReviewTab } from '@features/review';", filename: file('src-renderer/features/timeline/a.tsx'), errors: [{ messageId: 'featureToFeature' }] },
    { code: "import { filterIncidents } from '../library/incident-filters';", filename: file('src-renderer/features/timeline/a.tsx'), errors: [{ messageId: 'featureToFeature' }] },
    { code: "import { ipcRenderer } from 'electron';", filename: file('src-renderer/features/library/a.tsx'), errors: [{ messageId: 'pkg' }] },
    { code: "import { x } from '../../src-main/index';", filename: file('src-renderer/app/a.tsx'), errors: [{ messageId: 'rendererToMain' }] },
    // src-main and preload are checked too.
    { code: "import { db } from '../src-renderer/db/database';", filename: file('src-main/index.ts'), errors: [{ messageId: 'mainToRenderer' }] },
    { code: "import { x } from './preload/index';", filename: file('src-main/index.ts'), errors: [{ messageId: 'mainToPreload' }] },
    { code: "import { x } from '../url-policy';", filename: file('src-main/preload/index.ts'), errors: [{ messageId: 'preload' }] },
    { code: "import fs from 'node:fs';", filename: file('src-main/preload/index.ts'), errors: [{ messageId: 'preload' }] },
  ],
});

describe('the legacy list', () => {
  it('holds no file that reaches storage directly: features and app use the data layer only', () => {
    expect([...LEGACY_IMPORTERS].filter(([, kinds]) => kinds.includes('db')).map(([name]) => name)).toEqual([]);
  });
});
