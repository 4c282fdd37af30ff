import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { layersRule } from './layers.js';

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
    { code: "import { db } from '@db/database';", filename: file('src-renderer/features/library/a.ts') },
    { code: "import { TimelineTab } from '@features/timeline';", filename: file('src-renderer/app/a.tsx') },
    { code: "import { ReviewTab } from '@features/review';", filename: file('src-renderer/features/timeline/a.tsx') },
    { code: "import { x } from './incident-writes';", filename: file('src-renderer/features/library/a.tsx') },
    { code: "import type { DesktopApi } from '../../src-main/preload/desktop-api';", filename: file('src-renderer/platform/a.ts') },
    { code: "import { app } from 'electron';", filename: file('src-main/index.ts') },
  ],
  invalid: [
    { code: "import { useState } from 'react';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'pkg' }] },
    { code: "import Dexie from 'dexie';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'pkg' }] },
    { code: "import { $getRoot } from 'lexical';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'pkg' }] },
    { code: "import { db } from '../db/database';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'layer' }] },
    { code: "import { db } from '@db/database';", filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'layer' }] },
    { code: "import { X } from '@features/library';", filename: file('src-renderer/db/a.ts'), errors: [{ messageId: 'layer' }] },
    { code: "import { App } from '@app/App';", filename: file('src-renderer/features/library/a.tsx'), errors: [{ messageId: 'layer' }] },
    {
      code: "import { filterIncidents } from '@features/library/use-incidents';",
      filename: file('src-renderer/features/timeline/a.tsx'),
      errors: [{ messageId: 'featureInternals' }],
    },
    {
      code: "import { filterIncidents } from '../library/use-incidents';",
      filename: file('src-renderer/features/timeline/a.tsx'),
      errors: [{ messageId: 'featureInternals' }],
    },
    { code: "import { ipcRenderer } from 'electron';", filename: file('src-renderer/features/library/a.tsx'), errors: [{ messageId: 'pkg' }] },
    { code: "import { x } from '../../src-main/index';", filename: file('src-renderer/app/a.tsx'), errors: [{ messageId: 'rendererToMain' }] },
  ],
});
