/**
 * The floor both popup benchmarks measure against: an extension page with one line of text and
 * no script (an extension page may run none inline, and any would be ours to count). What
 * Chromium takes to create, load and paint it is not the extension's; what the popup takes
 * beyond it is. Written into the sandbox build the browser loaded: an unpacked extension's
 * files are read from disk when asked for.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sandboxExtensionDir } from '../../tests/e2e/support/browser';

export const BLANK_PAGE = 'bench-blank.html';

export function installBlankPage(): void {
  writeFileSync(resolve(sandboxExtensionDir, BLANK_PAGE), '<!doctype html><meta charset="utf-8"><title>floor</title><p>checking</p>\n');
}
