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
    // Exact hosts (issue 12): no wildcard subdomain, no yokoy.io. Another Banqup host is the optional grant.
    expect(chrome.host_permissions).toEqual([
      'https://app.banqup.com/*', // classic Banqup
      'https://app.btx.banqup.com/*', // the new Banqup platform
      'https://app.yokoy.ai/*', // Yokoy's web app (Developer page)
      'https://app.test.yokoy.ai/*',
      'https://app.perk.com/*', // Yokoy as Perk
      'https://accounts.yokoy.ai/*', // token endpoint
      'https://api.yokoy.ai/*',
      'https://accounts.test.yokoy.ai/*',
      'https://api.test.yokoy.ai/*',
    ]);
    expect(JSON.stringify(chrome)).not.toMatch(/\*\.(banqup|yokoy|perk)|yokoy\.io/);
    const [banqup, yokoy] = chrome.content_scripts as { matches: string[]; js: string[] }[];
    expect(banqup!.matches).toEqual(['https://app.banqup.com/*', 'https://app.btx.banqup.com/*']);
    expect([...yokoy!.matches].sort()).toEqual(['https://app.perk.com/*', 'https://app.test.yokoy.ai/*', 'https://app.yokoy.ai/*']);
    // Each web-accessible file only to the hosts of its own content script; the Banqup page module to Banqup's app hosts.
    const resources = chrome.web_accessible_resources as { resources: string[]; matches: string[] }[];
    for (const resource of resources) expect([banqup!.matches, yokoy!.matches]).toContainEqual(resource.matches);
    const pageModule = resources.find((r) => r.resources.some((f) => f.includes('banqup-page')));
    expect(pageModule?.matches).toEqual(banqup!.matches);
    const firefox = read('firefox-mv2');
    expect(firefox.permissions.filter((p: string) => p.includes('://'))).toEqual(chrome.host_permissions);
    expect(firefox.optional_permissions).toEqual(['notifications', 'https://*/*']);
  });

  it('the sandbox build adds the look-alikes, each to its own content script', () => {
    const sandbox = read('chrome-mv3-sandbox');
    const [banqup, yokoy] = sandbox.content_scripts;
    expect(banqup.matches).toContain('http://banqup.localhost/*');
    expect(banqup.matches).not.toContain('http://yokoy.localhost/*');
    expect(yokoy.matches).toContain('http://yokoy.localhost/*');
  });
});
