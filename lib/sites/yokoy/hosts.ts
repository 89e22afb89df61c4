/**
 * Yokoy's (and Perk's) hosts (lib/sites/hosts.ts builds the manifest and the content scripts'
 * matches from them). Sources: /work/shared/reference/REAL-PRODUCTS.md; "guess" marks a host no
 * source names.
 * - `accounts.yokoy.ai`, `api.yokoy.ai` and their `test.` twins: Yokoy's token endpoint and API as
 *   its OpenAPI description (1.41.0) names them; `app.yokoy.ai` still answers (REAL-PRODUCTS §4).
 * - `app.test.yokoy.ai`: guess, the web app beside Yokoy's documented test API.
 * - `app.perk.com`: guess, Perk's web app (Yokoy is being rebranded Perk; its help does not name
 *   the host).
 * yokoy.io is gone: its pages redirect to perk.com and nothing here calls it.
 * The sandbox's look-alikes run on `yokoy.localhost` (web app) and `api.yokoy.localhost` (API).
 */
export const yokoyWebHosts = ['app.yokoy.ai', 'app.test.yokoy.ai', 'app.perk.com'] as const;
export const yokoyApiHosts = ['accounts.yokoy.ai', 'api.yokoy.ai', 'accounts.test.yokoy.ai', 'api.test.yokoy.ai'] as const;

export const yokoySandboxHosts = { web: 'yokoy.localhost', api: 'api.yokoy.localhost' } as const;

const inList = (list: readonly string[], hostname: string) => list.includes(hostname.toLowerCase());

export function isYokoyWebHost(hostname: string, protocol: string, sandbox: boolean): boolean {
  if (protocol === 'https:' && inList(yokoyWebHosts, hostname)) return true;
  return sandbox && protocol === 'http:' && hostname === yokoySandboxHosts.web;
}
