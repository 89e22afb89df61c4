/** The built manifests: production matches Banqup and Yokoy only; the sandbox build adds its names. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDir } from './support/browser';

const output = outputDir;
const read = (dir: string) => JSON.parse(readFileSync(resolve(output, dir, 'manifest.json'), 'utf8'));

describe('manifests', () => {
  it('production (Chrome and Firefox) names no loopback origin', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2']) {
      const text = readFileSync(resolve(output, dir, 'manifest.json'), 'utf8');
      expect(text).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/);
    }
    const chrome = read('chrome-mv3');
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.host_permissions).toEqual(['https://*.banqup.com/*', 'https://*.yokoy.ai/*', 'https://*.yokoy.io/*']);
    const matches = chrome.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    expect(matches.every((m: string) => /^https:\/\/\*\.(banqup\.com|yokoy\.ai|yokoy\.io)\/\*$/.test(m))).toBe(true);
  });

  it('the sandbox build adds the look-alikes, each to its own content script', () => {
    const sandbox = read('chrome-mv3-sandbox');
    const [banqup, yokoy] = sandbox.content_scripts;
    expect(banqup.matches).toContain('http://banqup.localhost/*');
    expect(banqup.matches).not.toContain('http://yokoy.localhost/*');
    expect(yokoy.matches).toContain('http://yokoy.localhost/*');
  });
});
