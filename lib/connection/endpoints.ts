/** Which Yokoy the settings point at. */
import type { Settings } from '../settings/items';
import { knownEnvironments, tokenUrl, type EnvironmentName, type YokoyEndpoints } from '../sites/yokoy/environments';

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

/** Which Yokoy a stored secret belongs to: the environment and the token URL it is sent to. */
export function secretBindingFor(settings: Settings): { environment: EnvironmentName; tokenUrl: string } | undefined {
  const endpoints = endpointsFor(settings);
  return endpoints ? { environment: settings.environment, tokenUrl: tokenUrl(endpoints) } : undefined;
}

/** Whether saving `next` over `before` forgets the stored secret (another environment or token URL). */
export function changesSecretBinding(before: Settings, next: Settings): boolean {
  const was = secretBindingFor(before);
  const will = secretBindingFor(next);
  return was?.environment !== will?.environment || was?.tokenUrl !== will?.tokenUrl;
}
