/**
 * Where the extension may run: the one host list. wxt.config.ts builds the manifest's
 * `host_permissions` from it, the content scripts take their `matches` from it, and the worker's
 * sender checks, the context menu and the guide's fill policy ask it. Exact hosts only (issue
 * 12): every subdomain of banqup.com or yokoy.ai would make every subdomain an entry point.
 *
 * Sources (/work/shared/reference/REAL-PRODUCTS.md); "guess" marks a host no source names:
 * - `app.banqup.com`: classic Banqup's web app. Guess: the help articles do not show the app's
 *   address; it is the companion's default Banqup address since the first version.
 * - `app.btx.banqup.com`: the new Banqup platform. Guess: public test code shows
 *   `app.test.btx.banqup.com`, this is its production counterpart.
 * - `accounts.yokoy.ai`, `api.yokoy.ai` and their `test.` twins: Yokoy's token endpoint and API as
 *   its OpenAPI description (1.41.0) names them; `app.yokoy.ai` still answers (REAL-PRODUCTS §4).
 * - `app.test.yokoy.ai`: guess, the web app beside Yokoy's documented test API.
 * - `app.perk.com`: guess, Perk's web app (Yokoy is being rebranded Perk; its help does not name
 *   the host).
 * yokoy.io is gone: its pages redirect to perk.com and nothing here calls it.
 *
 * Any other Banqup host (a partner or regional one) is added by the user in the options, as an
 * optional host permission asked at that moment (`https://*\/*` is the optional grant).
 *
 * The sandbox serves its look-alikes on `*.localhost` names (Chromium resolves them to
 * loopback), one name per product, so a content script can tell Banqup's look-alike from
 * Yokoy's and from any other local page even though all run on 127.0.0.1.
 */
export const banqupAppHosts = ['app.banqup.com', 'app.btx.banqup.com'] as const;
export const yokoyWebHosts = ['app.yokoy.ai', 'app.test.yokoy.ai', 'app.perk.com'] as const;
export const yokoyApiHosts = ['accounts.yokoy.ai', 'api.yokoy.ai', 'accounts.test.yokoy.ai', 'api.test.yokoy.ai'] as const;

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
  banqup: 'http://banqup.localhost/*',
  yokoyWeb: 'http://yokoy.localhost/*',
  yokoyApi: 'http://api.yokoy.localhost/*',
} as const;

export const sandboxHosts = { banqup: 'banqup.localhost', yokoyWeb: 'yokoy.localhost', yokoyApi: 'api.yokoy.localhost' } as const;

const inList = (list: readonly string[], hostname: string) => list.includes(hostname.toLowerCase());

/** Hosts whose pages count as Banqup (for the context menu, sender checks and the fill policy). */
export function isBanqupHost(hostname: string, protocol: string, sandbox: boolean): boolean {
  if (protocol === 'https:' && inList(banqupAppHosts, hostname)) return true;
  return sandbox && protocol === 'http:' && hostname === sandboxHosts.banqup;
}

export function isYokoyWebHost(hostname: string, protocol: string, sandbox: boolean): boolean {
  if (protocol === 'https:' && inList(yokoyWebHosts, hostname)) return true;
  return sandbox && protocol === 'http:' && hostname === sandboxHosts.yokoyWeb;
}

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
