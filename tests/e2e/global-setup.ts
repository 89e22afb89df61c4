/**
 * Builds the extension (production Chrome and Firefox, and the sandbox build the suites load)
 * once before the e2e files run, unless E2E_REUSE_BUILD=1 and the builds are there
 * (`npm test` builds them just before).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxExtensionDir } from './support/browser';

export default function setup(): void {
  const output = join(sandboxExtensionDir, '..');
  const builds: [string, string[]][] = [
    ['chrome-mv3', []],
    ['firefox-mv2', ['-b', 'firefox']],
    ['chrome-mv3-sandbox', ['--mode', 'sandbox']],
    ['firefox-mv2-sandbox', ['-b', 'firefox', '--mode', 'sandbox']],
  ];
  for (const [dir, args] of builds) {
    if (process.env.E2E_REUSE_BUILD === '1' && existsSync(join(output, dir, 'manifest.json'))) continue;
    execFileSync('npx', ['wxt', 'build', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
