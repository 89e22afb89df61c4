/**
 * Where Yokoy lives. Production and Yokoy's test environment as its API description names
 * them; "custom" is for the sandbox (and any proxy), set in the options page.
 */
export type EnvironmentName = 'production' | 'test' | 'custom';

export interface YokoyEndpoints {
  /** Origin of the token endpoint (`…/oauth2/token`). */
  accountsBase: string;
  /** Origin of the API (`…/v1/organizations/{id}`). */
  apiBase: string;
  /** Yokoy's web app (Developer page, invoices). */
  webOrigin: string;
}

export const knownEnvironments: Record<Exclude<EnvironmentName, 'custom'>, YokoyEndpoints> = {
  production: { accountsBase: 'https://accounts.yokoy.ai', apiBase: 'https://api.yokoy.ai', webOrigin: 'https://app.yokoy.ai' },
  test: { accountsBase: 'https://accounts.test.yokoy.ai', apiBase: 'https://api.test.yokoy.ai', webOrigin: 'https://app.test.yokoy.ai' },
};

export const tokenUrl = (e: YokoyEndpoints) => `${e.accountsBase.replace(/\/+$/, '')}/oauth2/token`;
export const organizationUrl = (e: YokoyEndpoints, organizationId: string) =>
  `${e.apiBase.replace(/\/+$/, '')}/v1/organizations/${encodeURIComponent(organizationId)}`;
