// `npm start`: installs what is missing, then hands over to the demo (TypeScript, run by tsx):
// the sandbox extension in Chromium against the sandbox; headless without a display.
import { spawnSync } from 'node:child_process';
import { ensureEnvironment } from './lib/environment.mjs';

const { root } = ensureEnvironment();
const result = spawnSync('npx', ['tsx', 'scripts/demo.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
