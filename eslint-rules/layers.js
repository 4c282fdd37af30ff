import path from 'node:path';
import { codedErrorsRule } from './coded-errors.js';

/**
 * Enforces the one-way import flow: core ← db ← data ← editor/ui/platform ← features ← app.
 * - Each renderer layer lists the layers it may import. `@db` is reachable only from `data/`
 *   (and `db/` itself): features and app read and write through the data layer's modules.
 * - Features never import each other; `app/` composes them (through slots/props).
 * - A relative import may not leave its layer: another layer is reached by its alias.
 * - `core/` is pure TypeScript: only the packages in CORE_PACKAGES, and no `.tsx` files.
 * - `src-main` (Node/Electron) and its preload never import the renderer (main may use the pure
 *   `core/`); the renderer reaches the main process only through the preload's contract.
 */
const RENDERER = 'src-renderer';
const LAYERS = ['core', 'db', 'data', 'editor', 'platform', 'ui', 'features', 'app'];

const ALLOWED = {
  core: ['core'],
  db: ['core', 'db'],
  data: ['core', 'db', 'data', 'protocol'],
  editor: ['core', 'editor', 'ui'],
  platform: ['platform'],
  ui: ['core', 'ui'],
  features: ['core', 'data', 'editor', 'platform', 'ui', 'features', 'protocol'],
  app: ['core', 'data', 'editor', 'platform', 'ui', 'features', 'app', 'protocol'],
};

/**
 * Files that still import `@db` or another feature directly, being moved onto the data layer /
 * composed in app/. The list only shrinks; a file on it that no longer needs it is reported.
 */
export const LEGACY_IMPORTERS = new Map([
  // [path from the repository root, kinds: 'db' (@db or dexie) | 'features' (another feature)]
]);

/** Packages `core/` may use: pure, DOM-free, platform-free. Add one here only if it is all three. */
export const CORE_PACKAGES = /^(zod|date-fns|@date-fns\/tz|papaparse|fflate|yaml|htmlparser2|sql\.js|vitest|fast-check)(\/.*)?$/;

const FORBIDDEN_PACKAGES = {
  db: /^(react|react-dom|lexical|@lexical\/.*|electron)(\/.*)?$/,
  data: /^(lexical|@lexical\/.*|electron)(\/.*)?$/,
  editor: /^(dexie|dexie-react-hooks|electron)(\/.*)?$/,
  platform: /^(dexie|lexical|@lexical\/.*|electron)(\/.*)?$/,
  ui: /^(dexie|dexie-react-hooks|lexical|@lexical\/.*|electron)(\/.*)?$/,
  features: /^(dexie|dexie-react-hooks|dexie-export-import|electron)(\/.*)?$/,
  app: /^(dexie|dexie-react-hooks|dexie-export-import|electron)(\/.*)?$/,
};

const ALIASES = {
  '@core': 'core',
  '@db': 'db',
  '@data': 'data',
  '@editor': 'editor',
  '@features': 'features',
  '@platform': 'platform',
  '@ui': 'ui',
  '@app': 'app',
  '@protocol': 'protocol',
};

/** The preload's contract files: what main and the renderer's platform layer may import from it. */
const PRELOAD_CONTRACT = ['desktop-api', 'ipc-channels'];

function locate(absolute, root) {
  const rel = path.relative(root, absolute).split(path.sep);
  if (rel[0] === RENDERER && LAYERS.includes(rel[1])) return { layer: rel[1], rest: rel.slice(2) };
  if (rel[0] === RENDERER) return { layer: 'renderer-root', rest: rel.slice(1) };
  if (rel[0] === 'src-main') return rel[1] === 'preload' ? { layer: 'preload', rest: rel.slice(2) } : { layer: 'main', rest: rel.slice(1) };
  if (rel[0] === 'server' && rel[1] === 'protocol') return { layer: 'protocol', rest: rel.slice(2) };
  return { layer: 'outside', rest: rel };
}

function resolveTarget(spec, fileDir, root) {
  const alias = Object.keys(ALIASES).find((a) => spec === a || spec.startsWith(`${a}/`));
  if (alias) return { layer: ALIASES[alias], rest: spec.slice(alias.length + 1).split('/').filter(Boolean), relative: false };
  if (spec.startsWith('.')) return { ...locate(path.resolve(fileDir, spec), root), relative: true };
  return null;
}

const isContract = (rest) => rest.length === 1 && PRELOAD_CONTRACT.includes(rest[0].replace(/\.ts$/, ''));

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the layers one-way: core ← db ← data ← features ← app; main and preload apart' },
    schema: [],
    messages: {
      layer: "'{{from}}' may not import from '{{to}}' ({{spec}}): allowed are {{allowed}}.",
      db: "'{{from}}' may not import '@db' ({{spec}}): read and write through the data layer ('@data/...').",
      featureToFeature:
        "Feature '{{from}}' may not import feature '{{to}}' ({{spec}}): compose features in app/ (pass the other feature's component in as a prop or slot).",
      relative: "'{{spec}}' leaves the '{{from}}' layer by a relative path: import it as '@{{to}}/...'.",
      pkg: "'{{from}}' may not import the package '{{spec}}'.",
      corePkg: "core/ may only import pure packages listed in CORE_PACKAGES (eslint-rules/layers.js), not '{{spec}}'.",
      coreTsx: 'core/ is pure TypeScript: no .tsx files (components belong in ui/ or a feature).',
      rendererToMain: "The renderer may only import the preload's contract from src-main ('{{spec}}').",
      mainToRenderer: "src-main may not import renderer code ('{{spec}}'): share a contract through src-main/preload instead.",
      mainToPreload: "src-main may only import the preload's contract ({{spec}}): desktop-api, ipc-channels.",
      preload: "The preload may only import electron, zod and its own files ('{{spec}}').",
      staleLegacy: "This file no longer imports '{{kind}}' directly: remove it from LEGACY_IMPORTERS in eslint-rules/layers.js.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const source = locate(file, root);
    if (source.layer === 'outside' || source.layer === 'protocol' || source.layer === 'renderer-root') return {};
    const fileDir = path.dirname(file);
    const legacy = LEGACY_IMPORTERS.get(path.relative(root, file).split(path.sep).join('/')) ?? [];
    const used = new Set();

    /** Reports, unless the file is on the legacy list for this kind of import. */
    function report(node, messageId, data, kind) {
      if (kind && legacy.includes(kind)) {
        used.add(kind);
        return;
      }
      context.report({ node, messageId, data });
    }

    function checkMain(node, spec, target) {
      if (!target || target.layer === source.layer || target.layer === 'outside') return;
      if (target.layer === 'preload' && isContract(target.rest)) return;
      // core/ is pure TypeScript: one home for rules both processes apply (e.g. link safety).
      if (source.layer === 'main' && target.layer === 'core') return;
      if (source.layer === 'preload') return context.report({ node, messageId: 'preload', data: { spec } });
      if (target.layer === 'preload') return context.report({ node, messageId: 'mainToPreload', data: { spec } });
      context.report({ node, messageId: 'mainToRenderer', data: { spec } });
    }

    function checkPackage(node, spec) {
      if (source.layer === 'core') {
        if (!CORE_PACKAGES.test(spec)) context.report({ node, messageId: 'corePkg', data: { spec } });
        return;
      }
      if (!FORBIDDEN_PACKAGES[source.layer]?.test(spec)) return;
      const storage = /^dexie/.test(spec) && (source.layer === 'features' || source.layer === 'app');
      report(node, 'pkg', { from: source.layer, spec }, storage ? 'db' : undefined);
    }

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const target = resolveTarget(spec, fileDir, root);
      if (source.layer === 'main' || source.layer === 'preload') {
        if (!target && source.layer === 'preload' && !/^(electron|zod|vitest)(\/.*)?$/.test(spec)) context.report({ node, messageId: 'preload', data: { spec } });
        checkMain(node, spec, target);
        return;
      }
      if (!target) return checkPackage(node, spec);
      if (target.layer === 'preload' || target.layer === 'main') {
        if (!(target.layer === 'preload' && isContract(target.rest) && ['platform', 'app'].includes(source.layer))) {
          context.report({ node, messageId: 'rendererToMain', data: { spec } });
        }
        return;
      }
      // Assets outside the code (templates/*.md?raw) are fine; another code layer is reached by its alias.
      if (target.layer === 'outside') return;
      if (target.relative && target.layer !== source.layer) {
        return context.report({ node, messageId: 'relative', data: { from: source.layer, to: target.layer, spec } });
      }
      if (target.layer === 'db' && !ALLOWED[source.layer].includes('db')) return report(node, 'db', { from: source.layer, spec }, 'db');
      if (!ALLOWED[source.layer].includes(target.layer)) {
        return context.report({
          node,
          messageId: 'layer',
          data: { from: source.layer, to: target.layer, spec, allowed: ALLOWED[source.layer].join(', ') },
        });
      }
      if (source.layer === 'features' && target.layer === 'features') {
        const own = source.rest[0];
        const other = target.rest[0];
        if (other && other !== own) report(node, 'featureToFeature', { from: own, to: other, spec }, 'features');
      }
    }

    return {
      Program: (node) => {
        if (source.layer === 'core' && file.endsWith('.tsx')) context.report({ node, messageId: 'coreTsx' });
      },
      'Program:exit': (node) => {
        for (const kind of legacy) if (!used.has(kind)) context.report({ node, messageId: 'staleLegacy', data: { kind } });
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      // `vi.mock('@db/...')`, `import.meta.glob` and friends name modules too.
      CallExpression: (node) => {
        const callee = node.callee;
        const first = node.arguments[0];
        const named = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'vi' && callee.property.name === 'mock';
        if (named && first?.type === 'Literal') check(node, first.value);
      },
    };
  },
};

export const debriefPlugin = { rules: { layers: layersRule, 'coded-errors': codedErrorsRule } };
