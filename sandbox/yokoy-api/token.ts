/**
 * `POST /oauth2/token` (accounts.yokoy.ai in production): the OAuth2 client-credentials grant.
 * The description says the client ID and secret travel as HTTP Basic username and password,
 * body `grant_type=client_credentials`, content type `application/x-www-form-urlencoded`, no
 * scopes. It does not mention credentials in the form body, so they are refused here (RFC 6749
 * lets a server require Basic): an extension that works here works against Yokoy. Errors are
 * RFC 6749 §5.2 shaped, since the description documents none for this endpoint.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply';
import type { YokoyStore } from './store';

const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}): Reply => ({
  status,
  body: { error, error_description: description },
  headers: { 'cache-control': 'no-store', pragma: 'no-cache', ...headers },
});

const invalidClient = (description: string) =>
  oauthError(401, 'invalid_client', description, { 'www-authenticate': 'Basic realm="yokoy", charset="UTF-8"' });

/**
 * Decodes `Basic base64(id:secret)`, literally as the description words it ("base64-encoding
 * the string `ClientId:ClientSecret`"), without RFC 6749 §2.3.1's form-decoding: a client that
 * form-encodes a secret with special characters would fail against such a server, so it fails
 * here too. (Yokoy's generated secrets are base64url, where both readings agree.)
 */
function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | 'malformed' | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
  if (!m) return /^Basic\b/i.test(header) ? 'malformed' : undefined;
  const decoded = Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

export function handleToken(store: YokoyStore, headers: IncomingHttpHeaders, body: Buffer): Reply {
  const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded')
    return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');

  const form = new URLSearchParams(body.toString('utf8'));
  const basic = basicCredentials(headers.authorization);
  if (basic === 'malformed') return invalidClient('Malformed Basic authorization header');
  if (!basic) {
    if (form.has('client_id') || form.has('client_secret'))
      return invalidClient('Client credentials must be sent with HTTP Basic authentication, not in the request body');
    return invalidClient('Client authentication required (HTTP Basic)');
  }
  const client = store.clients.get(basic.clientId);
  // One message for an unknown ID and a wrong secret, as OAuth servers do (no client enumeration).
  if (!client || client.clientSecret !== basic.clientSecret) return invalidClient('Client authentication failed');

  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'Missing grant_type parameter');
  if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type "${grantType}"`);

  const token = store.issueToken(client);
  return {
    status: 200,
    body: { access_token: token.accessToken, expires_in: store.tokenLifetimeSeconds, token_type: 'Bearer' },
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
  };
}
