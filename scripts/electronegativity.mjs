// `npm run security:electron`: Electronegativity over the main process and the preload, offline
// (its AvailableSecurityFixes check asks the network for Electron releases, so it is excluded; its
// translations download falls back to the bundled English text). Fails on findings of MEDIUM or
// higher that electronegativity-allowlist.json does not explain, and on stale allowlist entries.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gate, parseAllowlist } from './electronegativity-gate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '');

const result = await run(
  {
    input: path.join(root, 'src-main'),
    isRelative: true,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);
const parseErrors = result.errors.filter((error) => !error.tolerable);
const allowlist = parseAllowlist(JSON.parse(readFileSync(path.join(root, 'electronegativity-allowlist.json'), 'utf8')));
const { unexplained, stale } = gate(result.issues, allowlist);

console.log(`Electronegativity ${result.atomicChecks} checks + ${result.globalChecks} global checks over src-main: ${result.issues.length} findings, ${allowlist.length - stale.length} explained by the allowlist.`);
for (const error of parseErrors) console.error(`Could not parse ${error.file}: ${error.message}`);
for (const issue of unexplained) {
  console.error(`${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column} ${issue.description}\n    ${issue.sample ?? ''}`);
}
for (const entry of stale) console.error(`Stale allowlist entry: ${entry.check} in ${entry.file} ("${entry.sample}") matches no finding; remove it.`);
if (parseErrors.length || unexplained.length || stale.length) process.exit(1);
console.log('No unexplained finding of MEDIUM or higher.');
