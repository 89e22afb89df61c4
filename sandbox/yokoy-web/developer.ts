/**
 * Admin → Developer. With the Developer role: the organization ID in the top-right corner
 * (FLOW B7) with a copy button, the credentials table (name, client ID, type, created; the
 * secret is never rendered) and the "Generate credentials" button that developer.js turns into
 * the dialog flow. Without it: the "ask your administrator" page naming the org's admins (B1).
 */
import { esc } from '../http';
import type { YokoyStore } from '../yokoy-api/store';
import { listCredentials } from './credentials';
import { formatDate } from './format';
import { labels, fill, type Language } from './labels';
import { appPage, copyButton, initials } from './layout';
import type { Viewer } from './session';

/** The labels developer.js needs, handed over as JSON in the page. */
const scriptLabels = [
  'generateCredentials', 'credentialType', 'oauthCredentials', 'oauthDescription', 'apiKey', 'apiKeyDescription', 'cancel',
  'back', 'next', 'close', 'nameStepTitle', 'nameLabel', 'nameHint', 'nameRequired', 'nameTooLong', 'nameTaken', 'genericError',
  'secretDialogTitle', 'clientId', 'clientSecret', 'secretWarning', 'confirmCopied', 'done', 'copy', 'copyNamed', 'copied',
  'copyFailed', 'typeOAuth',
] as const;

export const hasDeveloperRole = (viewer: Viewer) => viewer.user.roles.includes('developer');

export function developerPage(store: YokoyStore, viewer: Viewer, language: Language, currentPath: string): string {
  const l = labels[language];
  const base = { viewer, language, title: l.developerTitle, active: 'developer', currentPath };
  if (!hasDeveloperRole(viewer)) return appPage({ ...base, body: noAccess(store, viewer, language) });

  const org = viewer.organization;
  const tools = `<div class="org-id" data-testid="organization-id">
  <span id="org-id-label">${esc(l.organizationId)}</span>
  <code id="organization-id" aria-labelledby="org-id-label">${esc(org.id)}</code>
  ${copyButton(l, 'organization-id', l.organizationId)}
</div>`;

  const credentials = listCredentials(store, org.id);
  const rows = credentials
    .map((c) => `<tr><td>${esc(c.name)}</td><td><code>${esc(c.clientId)}</code></td><td>${esc(l.typeOAuth)}</td><td>${esc(formatDate(language, c.createdAt))}</td></tr>`)
    .join('');
  const body = `<section class="card" aria-labelledby="credentials-heading">
  <div class="card-header">
    <h2 id="credentials-heading">${esc(l.credentialsHeading)}</h2>
    <button type="button" class="btn btn-primary" data-action="generate-credentials" aria-haspopup="dialog">${esc(l.generateCredentials)}</button>
  </div>
  <table id="credentials-table"${credentials.length ? '' : ' hidden'}>
    <thead><tr><th scope="col">${esc(l.colName)}</th><th scope="col">${esc(l.colClientId)}</th><th scope="col">${esc(l.colType)}</th><th scope="col">${esc(l.colCreated)}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
  <p class="empty" id="credentials-empty"${credentials.length ? ' hidden' : ''}>${esc(l.noCredentials)}</p>
</section>
<meta name="csrf-token" content="${esc(viewer.session.csrf)}">
<script type="application/json" id="developer-i18n">${JSON.stringify(Object.fromEntries(scriptLabels.map((k) => [k, l[k]]))).replace(/</g, '\\u003c')}</script>`;

  return appPage({
    ...base,
    intro: l.developerIntro,
    tools,
    body,
    overlays: '<div id="overlay-root" class="overlay-container"></div>',
    scripts: ['/assets/developer.js'],
  });
}

function noAccess(store: YokoyStore, viewer: Viewer, language: Language): string {
  const l = labels[language];
  const admins = [...store.users.values()].filter((u) => u.organizationId === viewer.organization.id && u.roles.includes('admin'));
  const list = admins.length
    ? `<p>${esc(fill(l.noAccessAdmins, { org: viewer.organization.name }))}</p>
<ul class="people">${admins
        .map((a) => `<li><span class="avatar" aria-hidden="true">${esc(initials(a.name))}</span><span>${esc(a.name)} · <a href="mailto:${esc(a.email)}">${esc(a.email)}</a></span></li>`)
        .join('')}</ul>`
    : `<p>${esc(l.noAccessNoAdmins)}</p>`;
  return `<section class="card notice" role="alert" aria-labelledby="no-access-title" data-testid="developer-no-access">
  <h2 id="no-access-title">${esc(l.noAccessTitle)}</h2>
  <p>${esc(l.noAccessBody)}</p>
  ${list}
  <a class="btn" href="/">${esc(l.backHome)}</a>
</section>`;
}
