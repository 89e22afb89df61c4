// @vitest-environment node
/**
 * No test waits a fixed time and then judges (issue 17): a sleep before "nothing changed" is a
 * guess that a loaded machine proves wrong. A test waits for the event that proves its point
 * (an answer, an attribute, the export going idle), or polls a condition with a deadline; the
 * emulator's clocks are moved, not waited for (tests/sandbox/clock.ts).
 *
 * Flagged: a timer of a literal non-zero delay that resolves a promise, unless it paces a loop
 * that re-checks a condition (the few lines above it open a `for`/`while`). A zero delay is one
 * turn of the event loop, not a guess at time; a delay named by the code under test (fake
 * latency, an injected `sleep`) is not a literal.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A timer call whose callback is a resolver (`r`, `resolve`, or `() => r(false)`) and whose delay is a number literal. */
const SLEEP = /setTimeout\(\s*(?:\w+|\(\)\s*=>\s*\w+\([^)]*\))\s*,\s*([\d_]+)\s*\)/;
const LOOP = /\b(for|while)\s*\(/;

function fixedSleeps(source: string): number[] {
  const lines = source.split('\n');
  return lines.flatMap((line, i) => {
    const delay = SLEEP.exec(line)?.[1];
    if (!delay || Number(delay.replaceAll('_', '')) === 0) return [];
    const above = lines.slice(Math.max(0, i - 6), i + 1).join('\n');
    return LOOP.test(above) ? [] : [i + 1];
  });
}

describe('fixed sleeps in tests', () => {
  it('finds one where it is (the rule can fail)', () => {
    // The samples are assembled, so this file holds no sleep of its own for a reader's search.
    const timer = (args: string) => ['set', 'Timeout(', args, ')'].join('');
    const wait = (args: string) => `await new Promise((r) => ${timer(args)});`;
    expect(fixedSleeps(`await page.click('#go');\n${wait('r, 300')}\nexpect(x).toBe(1);`)).toEqual([2]);
    expect(fixedSleeps(`const late = new Promise((r) => ${timer('() => r(false), 10')});`)).toEqual([1]);
    expect(fixedSleeps(`for (;;) {\n  if (done()) break;\n  ${wait('r, 50')}\n}`)).toEqual([]);
    expect(fixedSleeps(wait('r, 0'))).toEqual([]);
  });

  it('are in no test file', () => {
    const found = files(root).flatMap((path) => fixedSleeps(readFileSync(path, 'utf8')).map((line) => `${relative(root, path)}:${line}`));
    expect(found).toEqual([]);
  });
});
