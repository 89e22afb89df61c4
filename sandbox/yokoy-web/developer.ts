/**
 * Admin → Developer (Yokoy), or Developer tools → Spend tools with its Access credentials tab
 * (Perk). With the role (Yokoy: Developer; Perk: account admin, "only account admins may
 * request them"): the organization ID in the top-right corner (FLOW B7) with a copy button,
 * the credentials table (name, client ID, type, created; the secret is never rendered) and
 * the "Generate credentials" button that developer.js turns into the dialog flow. Without it:
 * the "ask your administrator" page naming the org's admins (B1).
 *
 * Perk's page is marked up differently on purpose (a definition list, no test ids, other
 * element ids), so the extension has to find the ID and the secret by their visible labels.
 */
import { esc } from '../http';
import type { YokoyStore } from '../yokoy-api/store';
import { listCredentials } from './credentials';
import { formatDate } from './format';
import { fill, labelsFor, type Language } from './labels';
import { appPage, copyButton, initials } from './layout';
import type { Viewer } from './session';

/** The labels developer.js needs, handed over as JSON in the page. */
const scriptLabels = [
  'generateCredentials',
  'credentialType',
  'oauthCredentials',
  'oauthDescription',
  'apiKey',
  'apiKeyDescription',
  'cancel',
  'back',
  'next',
  'close',
  'nameStepTitle',
  'nameLabel',
  'nameHint',
  'nameRequired',
  'nameTooLong',
  'nameTaken',
  'genericError',
  'secretDialogTitle',
  'clientId',
  'clientSecret',
  'secretWarning',
  'confirmCopied',
  'done',
  'copy',
  'copyNamed',
  'copied',
  'copyFailed',
  'typeOAuth',
] as const;

/** Yokoy: the Developer role; Perk: account admins only. */
export const hasDeveloperRole = (viewer: Viewer) => viewer.user.roles.includes(viewer.brand === 'perk' ? 'admin' : 'developer');

/** The organization ID in the page header's right side, as each brand marks it up. */
export function organizationIdTools(viewer: Viewer, language: Language): string {
  const l = labelsFor(language, viewer.brand);
  const org = viewer.organization;
  if (viewer.brand === 'perk') {
    return `<div class="org-id"><dl><dt>${esc(l.organizationId)}</dt><dd><code id="account-org-id">${esc(org.id)}</code></dd></dl>
  ${copyButton(l, 'account-org-id', l.organizationId)}</div>`;
  }
  return `<div class="org-id" data-testid="organization-id">
  <span id="org-id-label">${esc(l.organizationId)}</span>
  <code id="organization-id" aria-labelledby="org-id-label">${esc(org.id)}</code>
  ${copyButton(l, 'organization-id', l.organizationId)}
</div>`;
}

export function developerPage(store: YokoyStore, viewer: Viewer, language: Language, currentPath: string): string {
  const l = labelsFor(language, viewer.brand);
  const perk = viewer.brand === 'perk';
  const base = {
    viewer,
    language,
    title: perk ? l.spendToolsTitle : l.developerTitle,
    active: perk ? 'spend-tools' : 'developer',
    currentPath,
  };
  if (!hasDeveloperRole(viewer)) return appPage({ ...base, body: noAccess(store, viewer, language) });

  const org = viewer.organization;
  const tools = organizationIdTools(viewer, language);

  const credentials = listCredentials(store, org.id);
  const rows = credentials
    .map(
      (c) =>
        `<tr><td>${esc(c.name)}</td><td><code>${esc(c.clientId)}</code></td><td>${esc(l.typeOAuth)}</td><td>${esc(formatDate(language, c.createdAt))}</td></tr>`,
    )
    .join('');
  const body = `<section class="card" aria-labelledby="credentials-heading">
  <div class="card-header">
    <h2 id="credentials-heading">${esc(l.credentialsHeading)}</h2>
    <button type="button" class="btn btn-primary" data-action="generate-credentials" aria-haspopup="dialog"><span aria-hidden="true">+ </span>${esc(l.generateCredentials)}</button>
  </div>
  <table id="credentials-table"${credentials.length ? '' : ' hidden'}>
    <thead><tr><th scope="col">${esc(l.colName)}</th><th scope="col">${esc(l.colClientId)}</th><th scope="col">${esc(l.colType)}</th><th scope="col">${esc(l.colCreated)}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
  <p class="empty" id="credentials-empty"${credentials.length ? ' hidden' : ''}>${esc(l.noCredentials)}</p>
</section>
<meta name="csrf-token" content="${esc(viewer.session.csrf)}">
<script type="application/json" id="developer-i18n">${JSON.stringify({
    ...Object.fromEntries(scriptLabels.map((k) => [k, l[k]])),
    // Element ids of the secret dialog's fields: Perk's differ from Yokoy's (see above).
    fieldIds: perk
      ? { clientId: 'access-client-id', clientSecret: 'access-client-secret' }
      : { clientId: 'client-id', clientSecret: 'client-secret' },
  }).replace(/</g, '\\u003c')}</script>`;
  const tabs = perk
    ? `<div role="tablist" aria-label="${esc(l.sectionTabs)}" class="tabs"><button type="button" role="tab" id="tab-access" aria-selected="true" aria-controls="panel-access">${esc(l.tabAccessCredentials)}</button></div>
<div role="tabpanel" id="panel-access" aria-labelledby="tab-access">`
    : '';

  return appPage({
    ...base,
    intro: perk ? l.spendToolsIntro : l.developerIntro,
    tools,
    body: perk ? `${tabs}${body}</div>` : body,
    overlays: '<div id="overlay-root" class="overlay-container"></div>',
    scripts: ['/assets/developer.js'],
  });
}

function noAccess(store: YokoyStore, viewer: Viewer, language: Language): string {
  const l = labelsFor(language, viewer.brand);
  const perk = viewer.brand === 'perk';
  const admins = [...store.users.values()].filter((u) => u.organizationId === viewer.organization.id && u.roles.includes('admin'));
  const list = admins.length
    ? `<p>${esc(fill(l.noAccessAdmins, { org: viewer.organization.name }))}</p>
<ul class="people">${admins
        .map(
          (a) =>
            `<li><span class="avatar" aria-hidden="true">${esc(initials(a.name))}</span><span>${esc(a.name)} · <a href="mailto:${esc(a.email)}">${esc(a.email)}</a></span></li>`,
        )
        .join('')}</ul>`
    : `<p>${esc(l.noAccessNoAdmins)}</p>`;
  return `<section class="card notice" role="alert" aria-labelledby="no-access-title"${perk ? '' : ' data-testid="developer-no-access"'}>
  <h2 id="no-access-title">${esc(perk ? l.perkNoAccessTitle : l.noAccessTitle)}</h2>
  <p>${esc(perk ? l.perkNoAccessBody : l.noAccessBody)}</p>
  ${list}
  <a class="btn" href="/">${esc(l.backHome)}</a>
</section>`;
}
