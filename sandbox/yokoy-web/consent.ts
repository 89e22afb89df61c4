/**
 * "Sign in with Yokoy" for Banqup (FLOW A9), an OAuth 2.0 authorization-code front channel:
 *   GET  /oauth/authorize?response_type=code&client_id=banqup-accounting&redirect_uri=…&state=…
 *        → sign-in if needed (/login?next=… and back) → consent page (Allow / Deny)
 *   POST /oauth/authorize (the consent form) → 302 redirect_uri?code=…&state=…
 *                                            or redirect_uri?error=access_denied&state=…
 *   POST /oauth/token (server to server, optional for Banqup's look-alike): form
 *        grant_type=authorization_code, code, redirect_uri, client_id → who consented.
 * A redirect_uri off the Banqup look-alike's origin gets an error page, never a redirect, so
 * the endpoint cannot be used to bounce users (or codes) to a foreign site.
 */
import { randomBytes } from 'node:crypto';
import { esc } from '../http';
import { fill, labelsFor, type Brand, type Language } from './labels';
import { authPage, initials } from './layout';
import type { Viewer } from './session';

export const banqupClientId = 'banqup-accounting';
const codeLifetimeMs = 10 * 60_000;

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string | null;
  responseType: string;
}

export type Validation =
  | { ok: true; request: AuthorizationRequest }
  /** Safe to report to the client through its redirect_uri. */
  | { ok: false; redirectable: true; request: AuthorizationRequest; error: string }
  /** Shown to the user as an error page only. */
  | { ok: false; redirectable: false; reason: 'client' | 'redirect' | 'request' };

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  expiresAt: number;
}

export function createAuthorization(allowedOrigin: string) {
  const clients = new Map([[banqupClientId, { name: 'Banqup', origin: new URL(allowedOrigin).origin }]]);
  const codes = new Map<string, IssuedCode>();

  function validate(params: URLSearchParams): Validation {
    const clientId = params.get('client_id') ?? '';
    const client = clients.get(clientId);
    if (!client) return { ok: false, redirectable: false, reason: 'client' };
    const redirectUri = params.get('redirect_uri') ?? '';
    let parsed: URL;
    try {
      parsed = new URL(redirectUri);
    } catch {
      return { ok: false, redirectable: false, reason: 'redirect' };
    }
    if (parsed.origin !== client.origin || parsed.hash || parsed.username || parsed.password) {
      return { ok: false, redirectable: false, reason: 'redirect' };
    }
    const request: AuthorizationRequest = {
      clientId,
      redirectUri,
      state: params.get('state'),
      responseType: params.get('response_type') ?? '',
    };
    if (request.responseType !== 'code') return { ok: false, redirectable: true, request, error: 'unsupported_response_type' };
    return { ok: true, request };
  }

  /** Where the browser goes back to: the client's redirect_uri with our answer and its state. */
  function answer(request: AuthorizationRequest, values: Record<string, string>): string {
    const url = new URL(request.redirectUri);
    for (const [key, value] of Object.entries(values)) url.searchParams.set(key, value);
    if (request.state !== null) url.searchParams.set('state', request.state);
    return url.toString();
  }

  function issueCode(request: AuthorizationRequest, viewer: Viewer): string {
    const code = randomBytes(24).toString('base64url');
    const now = Date.now();
    for (const [key, old] of codes) if (old.expiresAt < now) codes.delete(key);
    codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      email: viewer.user.email,
      name: viewer.user.name,
      organizationId: viewer.organization.id,
      organizationName: viewer.organization.name,
      expiresAt: now + codeLifetimeMs,
    });
    return code;
  }

  /** One-time exchange: the same code never works twice, as with a real authorization server. */
  function redeem(form: URLSearchParams): { status: number; body: Record<string, unknown> } {
    if (form.get('grant_type') !== 'authorization_code') return { status: 400, body: { error: 'unsupported_grant_type' } };
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code);
    if (
      !issued ||
      issued.expiresAt < Date.now() ||
      issued.clientId !== form.get('client_id') ||
      issued.redirectUri !== form.get('redirect_uri')
    ) {
      return { status: 400, body: { error: 'invalid_grant' } };
    }
    return {
      status: 200,
      body: {
        access_token: randomBytes(30).toString('base64url'),
        token_type: 'Bearer',
        expires_in: 3600,
        organization_id: issued.organizationId,
        organization_name: issued.organizationName,
        user: { email: issued.email, name: issued.name },
      },
    };
  }

  return { validate, answer, issueCode, redeem, clientName: (id: string) => clients.get(id)?.name ?? id };
}
export type Authorization = ReturnType<typeof createAuthorization>;

export function consentPage(language: Language, viewer: Viewer, request: AuthorizationRequest, authorizeUrl: string): string {
  const l = labelsFor(language, viewer.brand);
  const hidden = (name: string, value: string | null) =>
    value === null ? '' : `<input type="hidden" name="${name}" value="${esc(value)}">`;
  return authPage(
    language,
    l.consentPageTitle,
    `<h1 id="consent-title">${esc(fill(l.consentHeading, { org: viewer.organization.name }))}</h1>
<p class="lead">${esc(l.consentIntro)}</p>
<ul class="scopes">
  <li>${esc(l.consentScopeEntities)}</li>
  <li>${esc(l.consentScopeInvoices)}</li>
</ul>
<div class="who"><span class="avatar" aria-hidden="true">${esc(initials(viewer.user.name))}</span><span>${esc(fill(l.consentSignedInAs, { email: viewer.user.email }))}</span></div>
<form method="post" action="/oauth/authorize" aria-labelledby="consent-title" data-testid="consent-form">
  ${hidden('response_type', request.responseType)}${hidden('client_id', request.clientId)}${hidden('redirect_uri', request.redirectUri)}${hidden('state', request.state)}${hidden('csrf', viewer.session.csrf)}
  <div class="stack">
    <button type="submit" name="decision" value="allow" class="btn btn-primary">${esc(l.allow)}</button>
    <button type="submit" name="decision" value="deny" class="btn">${esc(l.deny)}</button>
  </div>
</form>
<p class="links"><a href="/logout?next=${encodeURIComponent(authorizeUrl)}">${esc(l.consentNotYou)}</a></p>`,
    viewer.brand,
  );
}

export function authorizationErrorPage(language: Language, reason: 'client' | 'redirect' | 'request', brand: Brand = 'yokoy'): string {
  const l = labelsFor(language, brand);
  const detail = reason === 'client' ? l.authErrorClient : reason === 'redirect' ? l.authErrorRedirect : l.authErrorRequest;
  return authPage(
    language,
    l.authErrorTitle,
    `<div role="alert"><h1>${esc(l.authErrorTitle)}</h1><p class="lead">${esc(detail)}</p></div>
<p class="muted"><code>${reason === 'client' ? 'invalid_client' : reason === 'redirect' ? 'invalid_redirect_uri' : 'invalid_request'}</code></p>`,
    brand,
  );
}
