// The app frame drawn once, in the platform the sandbox serves (boot.platform):
// - classic Banqup: header (logo, space, language switch, user menu) and the main menu on the
//   LEFT, whose "Apps" entry opens the apps (Invoicing Services → Accounting app, All apps);
// - new Banqup: the header's app launcher (a grid-of-dots icon: Purchase Invoices, Sales
//   Invoices, Payments, Document Creator, "Discover more" → the Banqup Store), "Switch space",
//   no Apps menu and no accounting wizard.
// Menus follow the WAI-ARIA menu-button pattern (role=menu/menuitem, Escape and arrow keys,
// outside click).

let mainEl = null;
const navLinks = [];

/** Wires a menu button to its menu: toggling, keyboard, closing on outside click or choice. */
function menuButton(button, menu) {
  const items = () => [...menu.querySelectorAll('[role^="menuitem"]')];
  const open = (focusFirst) => {
    closeAllMenus(menu);
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    if (focusFirst) items()[0]?.focus();
  };
  const close = (refocus) => {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };
  menu.hidden = true;
  menu.bqClose = close;
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', menu.id);
  button.addEventListener('click', () => (menu.hidden ? open(false) : close(false)));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      open(true);
    }
  });
  menu.addEventListener('keydown', (e) => {
    const list = items();
    const i = list.indexOf(document.activeElement);
    if (e.key === 'Escape') close(true);
    else if (e.key === 'ArrowDown') list[(i + 1) % list.length]?.focus();
    else if (e.key === 'ArrowUp') list[(i - 1 + list.length) % list.length]?.focus();
    else return;
    e.preventDefault();
  });
  menu.addEventListener('click', (e) => {
    if (e.target.closest('[role^="menuitem"]')) close(false);
  });
}
function closeAllMenus(except) {
  document.querySelectorAll('[role="menu"]').forEach((m) => m !== except && m.bqClose && m.bqClose(false));
}
document.addEventListener('click', (e) => {
  if (!e.target.closest('.menu-wrap')) closeAllMenus(null);
});

/** Classic: the main menu's "Apps" entry and the apps it opens (REAL-PRODUCTS.md §1). */
function appsNavMenu() {
  const menuId = newId('apps-menu');
  const groupHeading = newId('apps-menu-group');
  const button = h(
    'button',
    { type: 'button', class: 'nav-link nav-button', 'data-nav': 'apps', 'data-qa': 'app-launcher' },
    icon('apps'),
    h('span', {}, t('applications')),
    icon('chevron'),
  );
  navLinks.push(button);
  const menu = h(
    'div',
    { role: 'menu', id: menuId, class: 'menu menu-apps menu-nav', 'aria-label': t('applications') },
    h(
      'div',
      { role: 'group', 'aria-labelledby': groupHeading },
      h('div', { class: 'menu-heading', id: groupHeading }, t('appsMenuInvoicingServices')),
      h(
        'a',
        { role: 'menuitem', href: '/apps/accounting', class: 'menu-item', tabindex: '-1' },
        h('span', { class: 'app-dot app-dot-accounting', 'aria-hidden': 'true' }),
        t('accountingApp'),
      ),
      h(
        'a',
        { role: 'menuitem', href: '/apps#payments', class: 'menu-item', tabindex: '-1' },
        h('span', { class: 'app-dot app-dot-payments', 'aria-hidden': 'true' }),
        t('paymentsApp'),
      ),
      h(
        'a',
        { role: 'menuitem', href: '/apps#archive', class: 'menu-item', tabindex: '-1' },
        h('span', { class: 'app-dot app-dot-archive', 'aria-hidden': 'true' }),
        t('archiveApp'),
      ),
    ),
    h('div', { role: 'separator', class: 'menu-separator' }),
    h('a', { role: 'menuitem', href: '/apps', class: 'menu-item', tabindex: '-1' }, t('appsMenuAllApps')),
  );
  menuButton(button, menu);
  return h('li', { class: 'menu-wrap' }, button, menu);
}

/** New Banqup: the app launcher. Test ids as in public test code against app.test.btx.banqup.com (banqup-api.md C4). */
const launcherApps = [
  ['purchase-invoices', 'appPurchaseInvoices', '/purchase-invoices'],
  ['sales-invoices', 'appSalesInvoices', null],
  ['payments', 'appPayments', null],
  ['document-creator', 'appDocumentCreator', null],
];
function appLauncher() {
  const menuId = newId('app-launcher');
  const button = h(
    'button',
    { type: 'button', class: 'header-btn header-btn-icon', 'aria-label': t('appLauncher'), 'data-testid': 'btx-app-launcher' },
    icon('dots'),
  );
  const later = (e) => {
    e.preventDefault();
    toast(t('comingSoon'), 'info');
  };
  const menu = h(
    'div',
    { role: 'menu', id: menuId, class: 'menu menu-launcher', 'aria-label': t('appLauncher') },
    h(
      'div',
      { class: 'launcher-grid' },
      launcherApps.map(([id, key, href]) =>
        h(
          'a',
          {
            role: 'menuitem',
            href: href || '#',
            class: 'launcher-app',
            tabindex: '-1',
            'data-testid': `btx-app-launcher-app-${id}`,
            onclick: href ? null : later,
          },
          h('span', { class: `app-tile app-tile-${id}`, 'aria-hidden': 'true' }, icon('apps')),
          h('span', {}, t(key)),
        ),
      ),
    ),
    h('div', { role: 'separator', class: 'menu-separator' }),
    h('a', { role: 'menuitem', href: '/store', class: 'menu-item', tabindex: '-1' }, t('discoverMore')),
  );
  menuButton(button, menu);
  return h('div', { class: 'menu-wrap' }, button, menu);
}

function switchSpace() {
  return h(
    'button',
    { type: 'button', class: 'header-btn', onclick: () => toast(t('comingSoon'), 'info') },
    h('span', {}, t('switchSpace')),
  );
}

function languageMenu() {
  const menuId = newId('lang-menu');
  const button = h(
    'button',
    { type: 'button', class: 'header-btn header-btn-lang', 'aria-label': `${t('language')}: ${L.languageName}` },
    icon('globe'),
    h('span', { 'aria-hidden': 'true' }, boot.lang.toUpperCase()),
  );
  const choose = async (code) => {
    if (code === boot.lang) return;
    await api('PATCH', '/api/v1/me', { language: code });
    // The language is the user's (server-side); reload so the whole app redraws in it.
    location.reload();
  };
  const menu = h(
    'div',
    { role: 'menu', id: menuId, class: 'menu menu-right', 'aria-label': t('language') },
    boot.languages.map((l) =>
      h(
        'button',
        {
          type: 'button',
          role: 'menuitemradio',
          'aria-checked': String(l.code === boot.lang),
          class: 'menu-item',
          lang: l.code,
          tabindex: '-1',
          onclick: () => choose(l.code),
        },
        l.name,
      ),
    ),
  );
  menuButton(button, menu);
  return h('div', { class: 'menu-wrap' }, button, menu);
}

function userMenu() {
  const menuId = newId('user-menu');
  const u = boot.user;
  const initials = `${u.firstName[0] || ''}${u.lastName[0] || ''}`.toUpperCase();
  const button = h(
    'button',
    { type: 'button', class: 'header-btn header-user', 'aria-label': t('userMenu'), 'data-qa': 'user-menu' },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials),
    h('span', { class: 'user-name', 'aria-hidden': 'true' }, `${u.firstName} ${u.lastName}`),
    icon('chevron'),
  );
  const menu = h(
    'div',
    { role: 'menu', id: menuId, class: 'menu menu-right', 'aria-label': t('userMenu') },
    h('div', { class: 'menu-user' }, h('strong', {}, `${u.firstName} ${u.lastName}`), h('span', { class: 'muted small' }, u.email)),
    h('div', { role: 'separator', class: 'menu-separator' }),
    h('a', { role: 'menuitem', href: '/logout', class: 'menu-item', tabindex: '-1' }, t('signOut')),
  );
  menuButton(button, menu);
  return h('div', { class: 'menu-wrap' }, button, menu);
}

function navLink(href, label, iconName, key) {
  const a = h('a', { href, class: 'nav-link', 'data-nav': key }, icon(iconName), h('span', {}, label));
  navLinks.push(a);
  return h('li', {}, a);
}

function renderShell() {
  const root = document.getElementById('root');
  const isNew = boot.platform === 'new';
  mainEl = h('main', { id: 'main', class: 'main', tabindex: '-1' });
  const header = h(
    'header',
    { class: 'topbar' },
    isNew ? appLauncher() : null,
    h(
      'a',
      { href: isNew ? '/home' : '/', class: 'brand', 'aria-label': 'Banqup' },
      h('span', { class: 'logo-mark', 'aria-hidden': 'true' }),
      h('span', { class: 'logo-text', 'aria-hidden': 'true' }, 'banqup'),
    ),
    h('span', { class: 'space-name' }, boot.space.name),
    h('div', { class: 'topbar-actions' }, isNew ? switchSpace() : null, languageMenu(), userMenu()),
  );
  const nav = isNew
    ? h(
        'nav',
        { class: 'sidenav', 'aria-label': t('mainNavigation') },
        h(
          'ul',
          {},
          navLink('/home', t('navDashboard'), 'home', 'dashboard'),
          navLink('/purchase-invoices', t('appPurchaseInvoices'), 'inbox', 'purchases'),
        ),
      )
    : h(
        'nav',
        { class: 'sidenav', 'aria-label': t('mainNavigation') },
        h(
          'ul',
          {},
          navLink('/', t('navDashboard'), 'home', 'dashboard'),
          navLink('/purchases', t('navPurchases'), 'inbox', 'purchases'),
          navLink('/bank-statements', t('navBankStatements'), 'bank', 'bank-statements'),
          appsNavMenu(),
        ),
      );
  root.replaceChildren(
    h('a', { href: '#main', class: 'skip-link', onclick: (e) => (e.preventDefault(), mainEl.focus()) }, t('skipToContent')),
    header,
    h('div', { class: 'layout' + (isNew ? ' layout-new' : '') }, nav, mainEl),
  );
  root.removeAttribute('aria-busy');
}

/** Puts a screen into the main area, sets the tab title and marks the current nav entry. */
function setContent(node, options) {
  const opts = options || {};
  mainEl.replaceChildren(node);
  document.title = opts.title ? `${opts.title} · Banqup` : 'Banqup';
  for (const a of navLinks) {
    if (a.dataset.nav === opts.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** A loading placeholder while a screen fetches its data. */
function showLoading(nav) {
  setContent(h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('loading')), { nav });
}

function pageHeader(title, ...extra) {
  return h('div', { class: 'page-header' }, h('h1', {}, title), extra.length ? h('div', { class: 'page-actions' }, extra) : null);
}
