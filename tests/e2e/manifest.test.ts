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
    // Least privilege, pinned: adding a permission must change this test, with its reason.
    expect(chrome.permissions).toEqual([
      'storage', // settings, credential metadata, tokens in storage.session
      'contextMenus', // "Send to Yokoy" on Banqup pages
      'alarms', // wakes the export queue for a delayed retry after the worker stopped
    ]);
    // Asked for when needed: the end-of-run notification (on Start), a custom Yokoy address (on Save).
    expect(chrome.optional_permissions).toEqual(['notifications']);
    expect(chrome.optional_host_permissions).toEqual(['https://*/*']);
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
