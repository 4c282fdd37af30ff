// `npm run web`: builds the renderer as a web app and serves it on 127.0.0.1.
// `--no-build` serves the existing build; `--port N` picks the port.
import { build, preview } from 'vite';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 4178;
const configFile = new URL('../vite.web.config.ts', import.meta.url).pathname;

if (!args.includes('--no-build')) {
  await build({ configFile, logLevel: 'warn' });
}
const server = await preview({ configFile, preview: { host: '127.0.0.1', port, strictPort: false, open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Debrief is running at ${url}  (Ctrl+C to stop). Your data stays in this browser's storage for that address.`);
