/** Which Yokoy the settings point at. */
import type { Settings } from '../settings/items';
import { knownEnvironments, type YokoyEndpoints } from '../yokoy/environments';

export function endpointsFor(settings: Settings): YokoyEndpoints | undefined {
  if (settings.environment !== 'custom') return knownEnvironments[settings.environment];
  const { accountsBase, apiBase, webOrigin } = settings.custom;
  if (!accountsBase || !apiBase) return undefined;
  return { accountsBase, apiBase, webOrigin };
}

/** Settings URLs must be plain http(s) origins (a path would let a typo hide a different host). */
export function checkOrigin(value: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'protocol';
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return 'not-an-origin';
    return undefined;
  } catch {
    return 'invalid';
  }
}
