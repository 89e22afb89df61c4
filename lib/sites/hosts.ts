/**
 * Where the extension may run: the one host list, composed from each site's own
 * (./banqup/hosts.ts, ./yokoy/hosts.ts). wxt.config.ts builds the manifest's `host_permissions`
 * from it, the content scripts take their `matches` from it, and the worker's sender checks, the
 * context menu and the guide's fill policy ask it. Exact hosts only (issue 12): every subdomain of
 * banqup.com or yokoy.ai would make every subdomain an entry point.
 *
 * Any other Banqup host (a partner or regional one) is added by the user in the options, as an
 * optional host permission asked at that moment (`https://*\/*` is the optional grant).
 *
 * The sandbox serves its look-alikes on `*.localhost` names (Chromium resolves them to
 * loopback), one name per product, so a content script can tell Banqup's look-alike from
 * Yokoy's and from any other local page even though all run on 127.0.0.1.
 */
import { banqupAppHosts, banqupSandboxHost, isBanqupHost } from './banqup/hosts';
import { isYokoyWebHost, yokoyApiHosts, yokoySandboxHosts, yokoyWebHosts } from './yokoy/hosts';

export { banqupAppHosts, isBanqupHost, isYokoyWebHost, yokoyApiHosts, yokoyWebHosts };
const httpsPattern = (host: string) => `https://${host}/*`;

export const productionHostPatterns = {
  banqup: banqupAppHosts.map(httpsPattern),
  yokoyWeb: yokoyWebHosts.map(httpsPattern),
  yokoyApi: yokoyApiHosts.map(httpsPattern),
} as const;

/** The manifest's `host_permissions` in a production build, in this order. */
export const productionHostPermissions: string[] = [
  ...productionHostPatterns.banqup,
  ...productionHostPatterns.yokoyWeb,
  ...productionHostPatterns.yokoyApi,
];

/** What the options may ask for at run time (a custom Yokoy address, another Banqup host). */
export const optionalHostPermissions = ['https://*/*'] as const;

export const sandboxHostPatterns = {
  banqup: `http://${banqupSandboxHost}/*`,
  yokoyWeb: `http://${yokoySandboxHosts.web}/*`,
  yokoyApi: `http://${yokoySandboxHosts.api}/*`,
} as const;

export const sandboxHosts = { banqup: banqupSandboxHost, yokoyWeb: yokoySandboxHosts.web, yokoyApi: yokoySandboxHosts.api } as const;

/** Whether a match pattern (`scheme://host/*`, host possibly `*` or `*.x`) covers this origin. */
export function patternCovers(pattern: string, origin: URL): boolean {
  const m = /^(\*|https?):\/\/([^/]+)\/.*$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host] = m as unknown as [string, string, string];
  if (scheme === '*' ? !['http:', 'https:'].includes(origin.protocol) : `${scheme}:` !== origin.protocol) return false;
  const hostname = origin.hostname.toLowerCase();
  if (host === '*') return true;
  if (host.startsWith('*.')) return hostname === host.slice(2) || hostname.endsWith(host.slice(1));
  return hostname === host;
}

/**
 * Why the browser could not be asked to allow this address, or undefined when it can: its
 * origin must be covered by a host permission the manifest grants or may ask for. (An
 * `http://` address on a production build never is: the optional grant is https only.)
 */
export function permissionRefusal(
  address: string,
  manifest: { host_permissions?: string[]; optional_host_permissions?: string[]; optional_permissions?: string[] },
): 'invalid' | 'not-https' | 'not-grantable' | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'invalid';
  }
  const patterns = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.optional_permissions ?? []),
  ];
  if (patterns.some((p) => patternCovers(p, url))) return undefined;
  return url.protocol === 'https:' ? 'not-grantable' : 'not-https';
}
