/** The one host list: exact hosts, look-alike subdomains refused, what the options may ask for. */
import { describe, expect, it } from 'vitest';
import { isBanqupHost, isYokoyWebHost, patternCovers, permissionRefusal, productionHostPermissions } from '../../lib/sites/hosts';

describe('host list', () => {
  it('counts Banqup’s and Yokoy’s app hosts, and no other subdomain', () => {
    expect(isBanqupHost('app.banqup.com', 'https:', false)).toBe(true);
    expect(isBanqupHost('app.btx.banqup.com', 'https:', false)).toBe(true);
    for (const host of ['banqup.com', 'evil.banqup.com', 'help.banqup.com', 'app.banqup.com.evil.io', 'xapp.banqup.com'])
      expect(isBanqupHost(host, 'https:', false)).toBe(false);
    expect(isBanqupHost('app.banqup.com', 'http:', false)).toBe(false);
    expect(isYokoyWebHost('app.yokoy.ai', 'https:', false)).toBe(true);
    for (const host of ['help.yokoy.ai', 'api.yokoy.ai', 'app.yokoy.io', 'yokoy.io', 'evil.yokoy.ai'])
      expect(isYokoyWebHost(host, 'https:', false)).toBe(false);
  });

  it('counts the sandbox names only in the sandbox build, over http', () => {
    expect(isBanqupHost('banqup.localhost', 'http:', true)).toBe(true);
    expect(isBanqupHost('banqup.localhost', 'http:', false)).toBe(false);
    expect(isYokoyWebHost('yokoy.localhost', 'http:', true)).toBe(true);
    expect(isYokoyWebHost('banqup.localhost', 'http:', true)).toBe(false);
  });

  it('names every host exactly in the manifest’s permissions', () => {
    expect(productionHostPermissions.every((p) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(p))).toBe(true);
    expect(productionHostPermissions.some((p) => p.includes('yokoy.io'))).toBe(false);
  });

  it('accepts only addresses the browser can be asked to allow', () => {
    const production = { host_permissions: productionHostPermissions, optional_host_permissions: ['https://*/*'] };
    expect(permissionRefusal('https://proxy.example.com', production)).toBeUndefined();
    expect(permissionRefusal('http://proxy.example.com', production)).toBe('not-https');
    expect(permissionRefusal('http://api.yokoy.localhost:4000', production)).toBe('not-https');
    expect(permissionRefusal('nonsense', production)).toBe('invalid');
    const sandbox = { ...production, host_permissions: [...productionHostPermissions, 'http://api.yokoy.localhost/*'] };
    expect(permissionRefusal('http://api.yokoy.localhost:4000', sandbox)).toBeUndefined();
    expect(permissionRefusal('http://other.localhost:4000', sandbox)).toBe('not-https');
    expect(permissionRefusal('https://x.example', { host_permissions: productionHostPermissions })).toBe('not-grantable');
    expect(patternCovers('https://*.example.com/*', new URL('https://a.example.com'))).toBe(true);
    expect(patternCovers('https://*.example.com/*', new URL('https://aexample.com'))).toBe(false);
  });
});
