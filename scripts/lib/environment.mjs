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

export function findChromium() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  const fixed = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  for (const path of fixed) if (existsSync(path)) return path;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

function isDebianLike() {
  return existsSync('/etc/debian_version') && Boolean(onPath('apt-get'));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && isDebianLike()) {
    say("no Chromium found; installing Debian's chromium package…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
      'macOS: Google Chrome from google.com/chrome) or point CHROME_PATH at its executable.',
  );
}

export function findFirefox() {
  if (process.env.FIREFOX_PATH && existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
  for (const path of ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox']) if (existsSync(path)) return path;
  for (const name of ['firefox-esr', 'firefox']) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Firefox for the e2e suite's Firefox test (the Firefox build, loaded as a temporary add-on).
 * Optional: installed like Chromium where we can (root on Debian), else the test says it was
 * skipped and why.
 */
export function ensureFirefox() {
  const found = findFirefox();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && isDebianLike()) {
    say("no Firefox found; installing Debian's firefox-esr package…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], { stdio: 'inherit', env });
    } catch {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], { stdio: 'inherit', env });
    }
    return findFirefox();
  }
  say('no Firefox found: the Firefox end-to-end test will be skipped (install firefox or set FIREFOX_PATH).');
  return undefined;
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
