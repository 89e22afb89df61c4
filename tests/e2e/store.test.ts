/**
 * `npm run store` produces the store folder: listings in the five languages within the stores'
 * limits, the review answers with a justification for every requested permission, 1280×800
 * screenshots from the real UI and the 440×280 tile (sizes read from the PNG headers). Quick
 * mode: the builds the suite already made, screenshots in English only.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { outputDir } from './support/browser';

const root = resolve(import.meta.dirname, '../..');
const store = join(outputDir, 'store');
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (path: string) => {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

describe('npm run store', () => {
  it('writes listings, review answers, screenshots and the tile in one folder', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/store.ts', '--reuse-build', '--languages', 'en'], {
      cwd: root,
      env: process.env,
    });
    expect(stdout).toMatch(/\[store\] done/);

    for (const lang of ['en', 'pt', 'fr', 'nl', 'de']) {
      for (const site of ['chrome', 'firefox']) {
        const summary = readFileSync(join(store, site, lang, 'summary.txt'), 'utf8').trim();
        expect(summary.length).toBeGreaterThan(40);
        expect(summary.length).toBeLessThanOrEqual(132);
        expect(readFileSync(join(store, site, lang, 'description.txt'), 'utf8').length).toBeGreaterThan(800);
      }
    }
    expect(readFileSync(join(store, 'chrome/pt/summary.txt'), 'utf8')).toMatch(/faturas/);

    const review = readFileSync(join(store, 'review.md'), 'utf8');
    for (const permission of ['storage', 'contextMenus', 'alarms', 'notifications', 'https://app.banqup.com/*', 'https://api.yokoy.ai/*'])
      expect(review).toContain(`\`${permission}\``);
    expect(review).not.toContain('MISSING');

    const shots = readdirSync(join(store, 'screenshots/en')).filter((f) => f.endsWith('.png'));
    expect(shots).toEqual(['01-connection.png', '02-export.png', '03-history.png', '04-light-and-dark.png', '05-guide-on-banqup.png']);
    for (const shot of shots) expect({ shot, ...pngSize(join(store, 'screenshots/en', shot)) }).toEqual({ shot, width: 1280, height: 800 });
    expect(pngSize(join(store, 'promo/tile-440x280.png'))).toEqual({ width: 440, height: 280 });
    for (const scheme of ['light', 'dark']) expect(existsSync(join(root, `docs/screenshots/popup-history-${scheme}.png`))).toBe(true);
  }, 240_000);
});
