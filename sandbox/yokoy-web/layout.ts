/**
 * The page shell shared by every signed-in page: a left navigation (Home, Expenses, Invoice
 * processor, Cards, Admin with "Developer" as its last entry), the user menu with the language
 * switch, and a page header whose right side ("page tools") holds what Yokoy shows in the
 * top-right corner: the organization ID on Developer, the legal-entity selector on Invoices.
 * Also the bare shell for the sign-in and consent pages.
 */
import { esc } from '../http';
import { brandName, fill, labels, labelsFor, languages, type Brand, type Labels, type Language } from './labels';
import type { Viewer } from './session';

export interface NavItem {
  key: string;
  href: string;
  label: keyof Labels;
}
export interface NavGroup {
  key: string;
  label: keyof Labels;
  icon: string;
  items: NavItem[];
}

type NavEntry = NavGroup | (NavItem & { icon: string });

/**
 * Yokoy's navigation, in Yokoy's order; "developer" must stay the last Admin entry (FLOW B2,
 * help.yokoy.ai/en/articles/110470), after "organization" (…/261937: Admin > Organization).
 */
export const navigation: NavEntry[] = [
  { key: 'home', href: '/', label: 'navHome', icon: 'home' },
  {
    key: 'expenses',
    label: 'navExpenses',
    icon: 'receipt',
    items: [
      { key: 'my-expenses', href: '/expenses/my', label: 'navMyExpenses' },
      { key: 'approvals', href: '/expenses/approvals', label: 'navApprovals' },
    ],
  },
  {
    key: 'invoice-processor',
    label: 'navInvoiceProcessor',
    icon: 'invoice',
    items: [
      { key: 'invoices', href: '/invoice-processor/invoices', label: 'navInvoices' },
      { key: 'suppliers', href: '/invoice-processor/suppliers', label: 'navSuppliers' },
    ],
  },
  { key: 'cards', href: '/cards', label: 'navCards', icon: 'card' },
  {
    key: 'admin',
    label: 'navAdmin',
    icon: 'gear',
    items: [
      { key: 'users', href: '/admin/users', label: 'navUsers' },
      { key: 'legal-entities', href: '/admin/legal-entities', label: 'navLegalEntities' },
      { key: 'categories', href: '/admin/categories', label: 'navCategories' },
      { key: 'cost-objects', href: '/admin/cost-objects', label: 'navCostObjects' },
      { key: 'integrations', href: '/admin/integrations', label: 'navIntegrations' },
      { key: 'organization', href: '/admin/organization', label: 'navOrganization' },
      { key: 'developer', href: '/admin/developer', label: 'navDeveloper' },
    ],
  },
];

/** Where each brand keeps the credentials page (paths are ours: no help page shows one). */
export const credentialsPath: Record<Brand, string> = { yokoy: '/admin/developer', perk: '/developer-tools/spend-tools' };

/**
 * Perk's navigation: the credentials moved to "Developer tools > Spend tools"
 * (support.perk.com/hc/articles/22004196645276); Perk's help names no Admin > Organization, so
 * the organization ID is only on Spend tools.
 */
export const perkNavigation: NavEntry[] = [
  ...navigation.map((entry) =>
    'items' in entry && entry.key === 'admin'
      ? { ...entry, items: entry.items.filter((i) => i.key !== 'developer' && i.key !== 'organization') }
      : entry,
  ),
  {
    key: 'developer-tools',
    label: 'navDeveloperTools',
    icon: 'code',
    items: [{ key: 'spend-tools', href: credentialsPath.perk, label: 'navSpendTools' }],
  },
];

export const navigationFor = (brand: Brand) => (brand === 'perk' ? perkNavigation : navigation);

const icons: Record<string, string> = {
  home: '<path d="M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z"/>',
  receipt: '<path d="M6 2h12v20l-3-2-3 2-3-2-3 2zM9 7h6M9 11h6M9 15h4"/>',
  invoice: '<path d="M5 3h10l4 4v14H5zM14 3v5h5M8 12h8M8 16h8"/>',
  card: '<path d="M2 6h20v12H2zM2 10h20M6 15h4"/>',
  code: '<path d="M8 7 3 12l5 5M16 7l5 5-5 5"/>',
  gear: '<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1"/>',
};
const icon = (name: string) =>
  `<svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" aria-hidden="true">${icons[name] ?? ''}</svg>`;

/** Yokoy's (or Perk's) word mark, drawn (no external assets: the sandbox is offline). */
export const logo = (color = '#fff', brand: Brand = 'yokoy') =>
  brand === 'perk'
    ? `<svg viewBox="0 0 92 26" role="img" aria-label="Perk"><text x="0" y="20" font-family="Inter, Segoe UI, Arial, sans-serif" font-size="22" font-weight="800" letter-spacing="-0.5" fill="${color}">perk<tspan fill="#ff5a5f">.</tspan></text></svg>`
    : `<svg viewBox="0 0 92 26" role="img" aria-label="Yokoy"><text x="0" y="20" font-family="Inter, Segoe UI, Arial, sans-serif" font-size="22" font-weight="800" letter-spacing="-0.5" fill="${color}">yokoy<tspan fill="#21e0a0">.</tspan></text></svg>`;

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

function head(language: Language, title: string, extraScripts: string[], brand: Brand = 'yokoy'): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · ${brandName[brand]}</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
${extraScripts.map((src) => `<script src="${esc(src)}" defer></script>`).join('\n')}
</head>`;
}

function sidebar(viewer: Viewer, l: Labels, language: Language, active: string, currentPath: string): string {
  const link = (item: NavItem, withIcon?: string) =>
    `<li><a href="${item.href}"${item.key === active ? ' aria-current="page"' : ''}>${withIcon ? icon(withIcon) : ''}<span>${esc(l[item.label])}</span></a></li>`;
  const entries = navigationFor(viewer.brand)
    .map((entry) => {
      if (!('items' in entry)) return link(entry, entry.icon);
      const open = entry.items.some((item) => item.key === active);
      const id = `nav-${entry.key}`;
      return `<li class="nav-group"><button type="button" aria-expanded="${open}" aria-controls="${id}">${icon(entry.icon)}<span>${esc(l[entry.label])}</span></button>
<ul id="${id}"${open ? '' : ' hidden'}>${entry.items.map((item) => link(item)).join('')}</ul></li>`;
    })
    .join('\n');
  const languageItems = languages
    .map(
      (code) =>
        `<button type="submit" role="menuitemradio" name="lang" value="${code}" lang="${code}" aria-checked="${code === language}">${esc(labels[code].languageName)}</button>`,
    )
    .join('');
  return `<nav class="sidebar" aria-label="${esc(l.mainNavigation)}">
<a class="brand" href="/">${logo('#fff', viewer.brand)}</a>
<ul class="nav">${entries}</ul>
<div class="user">
  <button type="button" id="user-menu-button" aria-haspopup="menu" aria-expanded="false" aria-controls="user-menu" aria-label="${esc(l.userMenu)}" data-testid="user-menu">
    <span class="avatar" aria-hidden="true">${esc(initials(viewer.user.name))}</span>
    <span>${esc(viewer.user.name)}<small>${esc(viewer.organization.name)}</small></span>
  </button>
  <div class="menu" id="user-menu" role="menu" aria-labelledby="user-menu-button" hidden>
    <div class="menu-label" id="language-label">${esc(l.language)}</div>
    <form method="post" action="/settings/language" role="group" aria-labelledby="language-label">
      <input type="hidden" name="next" value="${esc(currentPath)}">
      ${languageItems}
    </form>
    <hr>
    <a role="menuitem" href="/logout">${esc(l.signOut)}</a>
  </div>
</div>
</nav>`;
}

export interface PageOptions {
  viewer: Viewer;
  language: Language;
  title: string;
  /** Navigation key of the current page (marks it and opens its group). */
  active: string;
  /** Path + query of this page, so the language switch comes back here. */
  currentPath: string;
  /** One line under the title. */
  intro?: string;
  /** The header's right side: Yokoy's "top-right corner". */
  tools?: string;
  body: string;
  /** Markup placed after <main> (dialogs, their live regions). */
  overlays?: string;
  scripts?: string[];
}

export function appPage(o: PageOptions): string {
  const l = labelsFor(o.language, o.viewer.brand);
  return `${head(o.language, o.title, o.scripts ?? [], o.viewer.brand)}
<body>
<a class="skip" href="#main">${esc(l.skipToContent)}</a>
<div class="app">
${sidebar(o.viewer, l, o.language, o.active, o.currentPath)}
<main id="main" class="main">
  <header class="page-header">
    <div><h1>${esc(o.title)}</h1>${o.intro ? `<p>${esc(o.intro)}</p>` : ''}</div>
    ${o.tools ? `<div class="page-tools">${o.tools}</div>` : ''}
  </header>
  ${o.body}
</main>
</div>
${o.overlays ?? ''}
<div class="visually-hidden" role="status" aria-live="polite" id="announcer"></div>
</body>
</html>`;
}

/** A centered card on the navy background (sign-in, consent, errors before sign-in). */
export function authPage(language: Language, title: string, body: string, brand: Brand = 'yokoy'): string {
  return `${head(language, title, [], brand)}
<body>
<main class="auth" id="main"><div class="panel">
<div class="brand">${logo('#0c1533', brand)}</div>
${body}
</div></main>
</body>
</html>`;
}

/** A read-only value with a copy button (app.js does the copying and the "Copied" feedback). */
export function copyButton(l: Labels, targetId: string, what: string, attributes = ''): string {
  return `<button type="button" class="btn btn-icon" data-copy="${esc(targetId)}" data-copied-label="${esc(l.copied)}" data-failed-label="${esc(l.copyFailed)}" aria-label="${esc(fill(l.copyNamed, { name: what }))}"${attributes}>${esc(l.copy)}</button>`;
}
