/**
 * The pages the integration does not need but a credible app has: Home and the other
 * navigation entries (expenses, suppliers, cards, the other Admin pages), shown as empty
 * sections so the navigation never leads to a 404.
 */
import { esc } from '../http';
import { fill, labelsFor, type Brand, type Language } from './labels';
import { appPage, navigationFor, type NavItem } from './layout';
import type { Viewer } from './session';

/** Navigation entries by path, for the generic empty pages. */
export function emptySections(brand: Brand = 'yokoy'): NavItem[] {
  const own = new Set(['home', 'invoices', 'developer', 'organization', 'spend-tools']);
  return navigationFor(brand)
    .flatMap((entry) => ('items' in entry ? entry.items : [entry]))
    .filter((item) => !own.has(item.key));
}

export function homePage(viewer: Viewer, language: Language): string {
  const l = labelsFor(language, viewer.brand);
  return appPage({
    viewer,
    language,
    title: fill(l.homeTitle, { name: viewer.user.name.split(' ')[0] ?? viewer.user.name }),
    active: 'home',
    currentPath: '/',
    body: `<section class="card"><p class="empty">${esc(l.homeBody)}</p></section>`,
  });
}

export function emptySectionPage(viewer: Viewer, language: Language, item: NavItem): string {
  const l = labelsFor(language, viewer.brand);
  return appPage({
    viewer,
    language,
    title: l[item.label],
    active: item.key,
    currentPath: item.href,
    body: `<section class="card"><p class="empty">${esc(l.emptySectionBody)}</p></section>`,
  });
}
