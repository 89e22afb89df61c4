/**
 * Banqup's hosts (lib/sites/hosts.ts builds the manifest and the content scripts' matches from
 * them). Sources: /work/shared/reference/REAL-PRODUCTS.md; "guess" marks a host no source names.
 * - `app.banqup.com`: classic Banqup's web app. Guess: the help articles do not show the app's
 *   address; it is the companion's default Banqup address since the first version.
 * - `app.btx.banqup.com`: the new Banqup platform. Guess: public test code shows
 *   `app.test.btx.banqup.com`, this is its production counterpart.
 * Any other Banqup host (a partner or regional one) is added by the user in the options.
 * The sandbox's look-alike runs on `banqup.localhost`.
 */
export const banqupAppHosts = ['app.banqup.com', 'app.btx.banqup.com'] as const;

export const banqupSandboxHost = 'banqup.localhost';

const inList = (list: readonly string[], hostname: string) => list.includes(hostname.toLowerCase());

/** Hosts whose pages count as Banqup (for the context menu, sender checks and the fill policy). */
export function isBanqupHost(hostname: string, protocol: string, sandbox: boolean): boolean {
  if (protocol === 'https:' && inList(banqupAppHosts, hostname)) return true;
  return sandbox && protocol === 'http:' && hostname === banqupSandboxHost;
}
