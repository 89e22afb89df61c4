/**
 * Admin → Organization (Yokoy only): "Here you can find your organization ID (in the top right
 * corner) as well as information on your product license", with the tabs General, ERP and
 * Legal entities (help.yokoy.ai/en/articles/261937). For organization admins; others are told
 * so. The organization ID is marked up like Perk's (a definition list, no test ids), so the
 * extension finds it by its label here too.
 */
import { esc } from '../http';
import { fill, labelsFor, type Language } from './labels';
import { appPage, copyButton } from './layout';
import type { Viewer } from './session';

export function organizationPage(viewer: Viewer, language: Language, currentPath: string): string {
  const l = labelsFor(language, viewer.brand);
  const base = { viewer, language, title: l.organizationTitle, active: 'organization', currentPath };
  if (!viewer.user.roles.includes('admin')) {
    return appPage({
      ...base,
      body: `<section class="card notice" role="alert"><p>${esc(l.organizationNoAccess)}</p><a class="btn" href="/">${esc(l.backHome)}</a></section>`,
    });
  }
  const org = viewer.organization;
  const tools = `<div class="org-id"><dl><dt>${esc(l.organizationId)}</dt><dd><code id="org-settings-id">${esc(org.id)}</code></dd></dl>
  ${copyButton(l, 'org-settings-id', l.organizationId)}</div>`;
  const entities = org.legalEntities.map((le) => `<li>${esc(le.name)} <span class="muted">${esc(le.code ?? '')}</span></li>`).join('');
  const body = `<p class="muted">${esc(fill(l.productLicense, { plan: 'Professional' }))}</p>
<div role="tablist" aria-label="${esc(l.sectionTabs)}" class="tabs">
  <button type="button" role="tab" id="tab-general" aria-selected="true" aria-controls="panel-general">${esc(l.tabGeneral)}</button>
  <button type="button" role="tab" id="tab-erp" aria-selected="false" tabindex="-1">${esc(l.tabErp)}</button>
  <button type="button" role="tab" id="tab-entities" aria-selected="false" tabindex="-1">${esc(l.tabLegalEntities)}</button>
</div>
<section class="card" role="tabpanel" id="panel-general" aria-labelledby="tab-general"><ul>${entities}</ul></section>`;
  return appPage({ ...base, intro: l.organizationIntro, tools, body });
}
