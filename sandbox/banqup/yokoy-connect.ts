/**
 * "Ligar" (Connect), server to server, as the real Banqup does it: a client-credentials token
 * from Yokoy's token endpoint with the credentials the user typed, then the organization's
 * legal entities. Any failure collapses into one outcome, because Banqup tells its users
 * only that the connection could not be made; the reason is kept for logs and tests.
 */
import type { YokoyAccount, YokoyLegalEntityChoice } from './setup-wizard';

export type ConnectResult = { ok: true; legalEntities: YokoyLegalEntityChoice[] } | { ok: false; reason: string };

const TIMEOUT_MS = 10_000;

export async function connectToYokoy(
  apiBase: string,
  credentials: { clientId: string; clientSecret: string; organizationId: string },
): Promise<ConnectResult> {
  try {
    const basic = Buffer.from(`${credentials.clientId.trim()}:${credentials.clientSecret.trim()}`).toString('base64');
    const tokenResponse = await fetch(`${apiBase}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!tokenResponse.ok) return { ok: false, reason: `token: HTTP ${tokenResponse.status}` };
    const token = (await tokenResponse.json().catch(() => null)) as { access_token?: unknown } | null;
    if (typeof token?.access_token !== 'string') return { ok: false, reason: 'token: no access_token' };

    const orgId = encodeURIComponent(credentials.organizationId.trim());
    const entitiesResponse = await fetch(`${apiBase}/v1/organizations/${orgId}/legal-entities`, {
      headers: { authorization: `Bearer ${token.access_token}`, 'x-yk-auth-method': 'yokoy', accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!entitiesResponse.ok) return { ok: false, reason: `legal-entities: HTTP ${entitiesResponse.status}` };
    const body = (await entitiesResponse.json().catch(() => null)) as { legalEntities?: unknown } | null;
    if (!Array.isArray(body?.legalEntities)) return { ok: false, reason: 'legal-entities: unexpected body' };
    // Lenient: keep any entry with an id; the name falls back to the code or the id.
    const legalEntities = (body.legalEntities as unknown[]).flatMap((e): YokoyLegalEntityChoice[] => {
      if (!e || typeof e !== 'object') return [];
      const { id, name, code } = e as Record<string, unknown>;
      if (typeof id !== 'string' && typeof id !== 'number') return [];
      const codeText = typeof code === 'string' ? code : undefined;
      return [
        {
          id: String(id),
          name: typeof name === 'string' && name ? name : (codeText ?? String(id)),
          ...(codeText ? { code: codeText } : {}),
        },
      ];
    });
    if (!legalEntities.length) return { ok: false, reason: 'legal-entities: none' };
    return { ok: true, legalEntities };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A9's back channel: redeems the authorization code at Yokoy's web app (as an OAuth client
 * does) to learn who consented. null when Yokoy refuses the code or cannot be reached.
 */
export async function redeemYokoyCode(
  webBase: string,
  form: { code: string; redirectUri: string; clientId: string },
): Promise<YokoyAccount | null> {
  try {
    const response = await fetch(`${webBase}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: form.code,
        redirect_uri: form.redirectUri,
        client_id: form.clientId,
      }).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body.access_token !== 'string') return null;
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    const user = (body.user && typeof body.user === 'object' ? body.user : {}) as Record<string, unknown>;
    return {
      email: text(user.email),
      name: text(user.name),
      organizationId: text(body.organization_id),
      organizationName: text(body.organization_name),
    };
  } catch {
    return null;
  }
}
