// `npm test`: everything, in the order a failure is cheapest to find: types, lint and format, unit and sandbox
// contract tests, the Chrome/Firefox/sandbox builds, then the end-to-end suite in Chromium (and
// one Firefox test). Installs what is missing first (npm dependencies, Chromium, Firefox where
// it can). Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureEnvironment } from './lib/environment.mjs';

const started = Date.now();
const { root, chromePath, firefoxPath } = ensureEnvironment({ firefox: true });
console.log(`[test] Chromium: ${chromePath}; Firefox: ${firefoxPath ?? 'none (its test is skipped)'}`);
const resultsDir = join(root, '.output/test-results');
mkdirSync(resultsDir, { recursive: true });

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n[test] ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(
    `[test] ${label}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (!ok) failures.push(label);
  return ok;
}

function vitest(label, args, env) {
  const file = join(resultsDir, `${label}.json`);
  run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    counts.passed += report.numPassedTests;
    // A file that fails outside its tests (a hook timing out) has no failed test: count the file.
    counts.failed += report.numFailedTests || report.numFailedTestSuites || 0;
    counts.skipped += report.numPendingTests + report.numTodoTests;
    if (report.numTotalTests === 0) failures.push(`${label} (no test ran)`);
  } catch {
    counts.failed += 1;
  }
}

run('types', 'npx', ['tsc', '--noEmit']);
// Lint and format (Biome, biome.json): `npm run format` fixes what it can.
run('lint', 'npx', ['biome', 'ci', '.']);
vitest('unit', []);
const built =
  run('build chrome', 'npx', ['wxt', 'build']) &&
  run('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']) &&
  run('build sandbox', 'npx', ['wxt', 'build', '--mode', 'sandbox']) &&
  run('build firefox sandbox', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'sandbox']);
if (built) vitest('e2e', ['-c', 'vitest.e2e.config.ts'], { E2E_REUSE_BUILD: '1' });
else failures.push('e2e (not run: a build failed)');

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\n[test] finished in ${minutes} min${failures.length ? `; failed steps: ${failures.join(', ')}` : ''}`);
console.log(`${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failures.length || counts.failed ? 1 : 0);
