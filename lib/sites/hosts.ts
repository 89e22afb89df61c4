/**
 * Where the extension may run. Production: Banqup's and Yokoy's own hosts. The sandbox serves
 * its look-alikes on `*.localhost` names (Chromium resolves them to loopback), one name per
 * product, so a content script can tell Banqup's look-alike from Yokoy's and from any other
 * local page even though all run on 127.0.0.1.
 */
export const productionHostPatterns = {
  banqup: ['https://*.banqup.com/*'],
  yokoyWeb: ['https://*.yokoy.ai/*', 'https://*.yokoy.io/*'],
} as const;

export const sandboxHostPatterns = {
  banqup: 'http://banqup.localhost/*',
  yokoyWeb: 'http://yokoy.localhost/*',
  yokoyApi: 'http://api.yokoy.localhost/*',
} as const;

/** Hosts whose pages count as Banqup (for the context menu and sender checks). */
export function isBanqupHost(hostname: string, protocol: string, sandbox: boolean): boolean {
  if (protocol === 'https:' && (hostname === 'banqup.com' || hostname.endsWith('.banqup.com'))) return true;
  return sandbox && protocol === 'http:' && hostname === 'banqup.localhost';
}

export function isYokoyWebHost(hostname: string, protocol: string, sandbox: boolean): boolean {
  if (protocol === 'https:' && /(^|\.)yokoy\.(ai|io)$/.test(hostname)) return true;
  return sandbox && protocol === 'http:' && hostname === 'yokoy.localhost';
}
