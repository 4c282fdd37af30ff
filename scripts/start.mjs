// `npm start`: make sure the Electron runtime is present (it downloads on first run), build
// the app with electron-vite, then open it. Without the runtime, say so in one line and
// point at the browser build instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));

/** Mirrors node_modules/electron/index.js, minus its side effect of downloading. */
function installedElectronPath() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const full = path.join(distDir, relative);
  return existsSync(full) ? full : null;
}

function fail(message) {
  console.error(`Debrief: ${message}`);
  process.exit(1);
}

function ensureElectron() {
  const existing = installedElectronPath();
  if (existing) return existing;
  console.log('Downloading the Electron runtime (first run only)…');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const installed = result.status === 0 ? installedElectronPath() : null;
  if (!installed) {
    const reason = (result.stderr ?? '').split('\n').find((line) => /error/i.test(line))?.trim() || 'no network access?';
    fail(`could not download the Electron runtime (${reason}) — run "npm run web" to use Debrief in your browser instead.`);
  }
  return installed;
}

const electronPath = ensureElectron();

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) fail('the build failed (see the output above).');

const child = spawn(electronPath, ['.'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
