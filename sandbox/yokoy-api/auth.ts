/**
 * The checks every `/v1/organizations/{organizationId}/…` request passes, in this order:
 * 1. `X-Yk-Auth-Method: yokoy` (a required header in the description). Without it: 401, the
 *    one error status every operation documents (the header selects how the caller is
 *    authenticated, so without it the caller cannot be identified).
 * 2. `Authorization: Bearer <token>` naming a live token: else 401 `{code, message}`.
 * 3. The token's organization is the path's: else 403 with the description's own message
 *    ("User not authorized to access organization"). An unknown organization answers the same
 *    403: the description documents no 404 on organization-level lists, and a uniform answer
 *    does not reveal which organization IDs exist.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { apiError, type Reply } from './reply';
import type { YokoyStore, YokoyToken } from './store';

const bearerChallenge = (error: string) => ({ 'www-authenticate': `Bearer realm="yokoy", error="${error}"` });

export function authorize(
  store: YokoyStore,
  headers: IncomingHttpHeaders,
  organizationId: string,
): { token: YokoyToken } | { reply: Reply } {
  const method = headers['x-yk-auth-method'];
  if (method === undefined) return { reply: apiError(401, 'Missing required header X-Yk-Auth-Method') };
  // Exact match: the enum is `yokoy`; a client sending `Yokoy` should learn it here.
  if (method !== 'yokoy') return { reply: apiError(401, `Unsupported X-Yk-Auth-Method "${String(method)}"`) };

  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (!m) return { reply: apiError(401, 'Missing bearer token', bearerChallenge('invalid_request')) };
  const token = store.findToken(m[1] ?? '');
  if (!token || !store.clients.has(token.clientId)) return { reply: apiError(401, 'Invalid token', bearerChallenge('invalid_token')) };
  const now = Date.now();
  const early = store.faults.config.expireTokensAfterSeconds;
  const diesAt = early !== undefined ? Math.min(token.expiresAt, (token.issuedAt ?? 0) + early * 1000) : token.expiresAt;
  if (now >= diesAt) return { reply: apiError(401, 'Token expired', bearerChallenge('invalid_token')) };

  if (token.organizationId !== organizationId || !store.organizations.has(organizationId)) return { reply: apiError(403) };
  return { token };
}
