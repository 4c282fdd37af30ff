import path from 'node:path';

/**
 * Enforces the one-way import flow of the renderer: core ← db/editor ← features ← app.
 * Each layer lists the layers it may import; features may import another feature only
 * through that feature's public index. Packages that would drag React, Dexie, Lexical or
 * Electron into the wrong layer are refused too.
 */
const RENDERER = 'src-renderer';
const LAYERS = ['core', 'db', 'data', 'editor', 'platform', 'ui', 'features', 'app'];

const ALLOWED = {
  core: ['core'],
  db: ['core', 'db'],
  data: ['core', 'db', 'data'],
  editor: ['core', 'editor', 'ui'],
  platform: ['platform'],
  ui: ['core', 'ui'],
  features: ['core', 'db', 'data', 'editor', 'platform', 'ui', 'features'],
  app: LAYERS,
};

const UI_PACKAGES = /^(react|react-dom|dexie|dexie-react-hooks|dexie-export-import|lexical|@lexical\/.*|@tanstack\/react-virtual|electron)(\/.*)?$/;
const FORBIDDEN_PACKAGES = {
  core: UI_PACKAGES,
  db: /^(react|react-dom|lexical|@lexical\/.*|electron)(\/.*)?$/,
  data: /^(lexical|@lexical\/.*|electron)(\/.*)?$/,
  editor: /^(dexie|dexie-react-hooks|electron)(\/.*)?$/,
  platform: /^(dexie|lexical|@lexical\/.*|electron)(\/.*)?$/,
  ui: /^(dexie|dexie-react-hooks|lexical|@lexical\/.*|electron)(\/.*)?$/,
  features: /^electron(\/.*)?$/,
  app: /^electron(\/.*)?$/,
};

const ALIASES = { '@core': 'core', '@db': 'db', '@data': 'data', '@editor': 'editor', '@features': 'features', '@platform': 'platform', '@ui': 'ui', '@app': 'app' };

function locate(absolute, root) {
  const rel = path.relative(root, absolute).split(path.sep);
  if (rel[0] === RENDERER && LAYERS.includes(rel[1])) {
    return { layer: rel[1], rest: rel.slice(2) };
  }
  if (rel[0] === 'src-main') return { layer: rel[1] === 'preload' ? 'preload' : 'main', rest: rel.slice(1) };
  return null;
}

function resolveTarget(spec, fileDir, root) {
  const alias = Object.keys(ALIASES).find((a) => spec === a || spec.startsWith(`${a}/`));
  if (alias) {
    return { layer: ALIASES[alias], rest: spec.slice(alias.length + 1).split('/').filter(Boolean) };
  }
  if (spec.startsWith('.')) return locate(path.resolve(fileDir, spec), root) ?? { layer: 'outside', rest: [] };
  return null;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the renderer layers one-way: core ← db/editor ← features ← app' },
    schema: [],
    messages: {
      layer: "'{{from}}' may not import from '{{to}}' ({{spec}}): allowed are {{allowed}}.",
      featureInternals:
        "Feature '{{from}}' may not reach into feature '{{to}}' ({{spec}}): import '@features/{{to}}' (its index) instead.",
      pkg: "'{{from}}' may not import the package '{{spec}}'.",
      rendererToMain: "The renderer may only import the bridge contract from src-main ('{{spec}}').",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const source = locate(file, root);
    if (!source) return {};
    const fileDir = path.dirname(file);

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (source.layer === 'main' || source.layer === 'preload') return;
      const target = resolveTarget(spec, fileDir, root);
      if (!target) {
        const forbidden = FORBIDDEN_PACKAGES[source.layer];
        if (forbidden?.test(spec)) context.report({ node, messageId: 'pkg', data: { from: source.layer, spec } });
        return;
      }
      if (target.layer === 'preload' || target.layer === 'main') {
        const allowed = target.layer === 'preload' && target.rest.join('/').replace(/\.ts$/, '') === 'preload/desktop-api';
        if (!allowed || !['platform', 'app'].includes(source.layer)) {
          context.report({ node, messageId: 'rendererToMain', data: { spec } });
        }
        return;
      }
      if (target.layer === 'outside') return;
      if (!ALLOWED[source.layer].includes(target.layer)) {
        context.report({
          node,
          messageId: 'layer',
          data: { from: source.layer, to: target.layer, spec, allowed: ALLOWED[source.layer].join(', ') },
        });
        return;
      }
      if (source.layer === 'features' && target.layer === 'features') {
        const own = source.rest[0];
        const other = target.rest[0];
        const isIndex = target.rest.length === 1 || (target.rest.length === 2 && /^index(\.tsx?)?$/.test(target.rest[1]));
        if (other && other !== own && !isIndex) {
          context.report({ node, messageId: 'featureInternals', data: { from: own, to: other, spec } });
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const debriefPlugin = { rules: { layers: layersRule } };
