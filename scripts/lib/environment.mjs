// Dependency-free bootstrap shared by `npm start` and `npm test`: installs npm dependencies
// when node_modules is missing or older than the lockfile, and finds (or, as root on
// Debian/Ubuntu, installs) a Chromium. Plain Node on purpose: it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

function say(message) {
  process.stdout.write(`[bootstrap] ${message}\n`);
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** npm writes node_modules/.package-lock.json on every install; older than the lockfile = stale. */
export function dependenciesStale() {
  const installed = mtime(join(root, 'node_modules/.package-lock.json'));
  if (!installed) return 'node_modules is missing';
  if (mtime(join(root, 'package-lock.json')) > installed || mtime(join(root, 'package.json')) > installed) {
    return 'package.json or package-lock.json changed since the last install';
  }
  return undefined;
}

export function ensureDependencies() {
  const why = dependenciesStale();
  if (!why) return;
  // `npm ci` fails on this registry (missing rollup platform packages); `npm install` honours the lockfile.
  say(`installing npm dependencies (${why})…`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error('npm install failed; see the output above.');
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** An executable: the path in `envVar` if set, else the first of `paths`, else on PATH. */
function findExecutable(envVar, paths, names) {
  if (process.env[envVar] && existsSync(process.env[envVar])) return process.env[envVar];
  for (const path of paths) if (existsSync(path)) return path;
  for (const name of names) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

export const findChromium = () =>
  findExecutable(
    'CHROME_PATH',
    [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
  );

export const findFirefox = () =>
  findExecutable(
    'FIREFOX_PATH',
    ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    ['firefox-esr', 'firefox'],
  );

/** Installs a Debian package where we may (root on Debian/Ubuntu); says whether it tried. */
function installDebianPackage(name, what) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !(existsSync('/etc/debian_version') && onPath('apt-get'))) return false;
  say(`no ${what} found; installing Debian's ${name} package…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', name], { stdio: 'inherit', env });
  return true;
}

export function ensureChromium() {
  const found = findChromium() ?? (installDebianPackage('chromium', 'Chromium') ? findChromium() : undefined);
  if (found) return found;
  throw new Error(
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
      'macOS: Google Chrome from google.com/chrome) or point CHROME_PATH at its executable.',
  );
}

/**
 * Firefox for the e2e suite's Firefox test (the Firefox build, loaded as a temporary add-on).
 * Optional: installed like Chromium where we can (root on Debian), else the test says it was
 * skipped and why.
 */
export function ensureFirefox() {
  const found = findFirefox() ?? (installDebianPackage('firefox-esr', 'Firefox') ? findFirefox() : undefined);
  if (!found) say('no Firefox found: the Firefox end-to-end test will be skipped (install firefox or set FIREFOX_PATH).');
  return found;
}

/**
 * Everything the README commands need; returns the Chromium path and exports it as
 * CHROME_PATH (and, with `firefox`, FIREFOX_PATH when one is found or could be installed).
 */
export function ensureEnvironment({ firefox = false } = {}) {
  ensureDependencies();
  const chromePath = ensureChromium();
  process.env.CHROME_PATH = chromePath;
  const firefoxPath = firefox ? ensureFirefox() : undefined;
  if (firefoxPath) process.env.FIREFOX_PATH = firefoxPath;
  return { root, chromePath, firefoxPath };
}
