// Applications: the catalogue (/apps) with the "Aplicação de Contabilidade" card and its
// activate button (A2), and the Accounting app's own page (/apps/accounting): activate when
// inactive, the connection summary with "Desativar" when active, or a hop to the wizard step
// the user left off at.

/** Where each wizard step lives; the server's setup-api.ts has the same table. */
const stepPaths = {
  inactive: '/apps/accounting',
  connection: '/apps/accounting/connection',
  exportType: '/apps/accounting/export',
  package: '/apps/accounting/package',
  credentials: '/apps/accounting/yokoy',
  legalEntity: '/apps/accounting/legal-entity',
  active: '/apps/accounting',
};

/** A2: "Ativar" → the wizard's first screen (or where an earlier attempt stopped). */
async function activateAccounting(button) {
  button.disabled = true;
  try {
    const setup = await api('POST', '/api/v1/accounting/setup/activate');
    await navigate(stepPaths[setup.step]);
  } catch (error) {
    button.disabled = false;
    if (!(error instanceof ApiError && error.status === 401)) toast(t('genericError'), 'error');
  }
}

function appCard(key, title, description, tileClass, footer, status) {
  const headingId = newId('app-title');
  return h(
    'article',
    { class: 'card app-card', id: key, 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'app-card-top' },
      h(
        'span',
        { class: `app-tile ${tileClass}`, 'aria-hidden': 'true' },
        icon(key === 'accounting' ? 'link' : key === 'payments' ? 'bank' : 'inbox'),
      ),
      status,
    ),
    h('h2', { id: headingId }, title),
    h('p', { class: 'muted' }, description),
    h('div', { class: 'app-card-actions' }, footer),
  );
}

route('/apps', async (params, query, isCurrent) => {
  showLoading('apps');
  const setup = await api('GET', '/api/v1/accounting/setup');
  if (!isCurrent()) return;
  const activeBadge = setup.active
    ? h('span', { class: 'badge badge-success' }, t('statusActive'))
    : h('span', { class: 'badge' }, t('statusInactive'));
  const accountingFooter = setup.active
    ? [
        h('p', { class: 'connected-line' }, icon('check'), ' ', t('connectedTo', { target: setup.packageName || 'Yokoy' })),
        h('a', { href: '/apps/accounting', class: 'btn btn-secondary' }, t('manage')),
      ]
    : h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary',
          'data-qa': 'activate-accounting-app',
          onclick: (e) => activateAccounting(e.currentTarget),
        },
        t('activate'),
      );
  const later = () => toast(t('comingSoon'), 'info');
  setContent(
    h(
      'div',
      { class: 'stack' },
      pageHeader(t('appsTitle')),
      h('p', { class: 'muted lead' }, t('appsIntro')),
      h('h2', { class: 'section-title' }, t('appsMenuInvoicingServices')),
      h(
        'div',
        { class: 'app-grid' },
        appCard('accounting', t('accountingApp'), t('accountingAppDescription'), 'app-tile-accounting', accountingFooter, activeBadge),
        appCard(
          'payments',
          t('paymentsApp'),
          t('paymentsAppDescription'),
          'app-tile-payments',
          h('button', { type: 'button', class: 'btn btn-secondary', onclick: later }, t('learnMore')),
          null,
        ),
        appCard(
          'archive',
          t('archiveApp'),
          t('archiveAppDescription'),
          'app-tile-archive',
          h('button', { type: 'button', class: 'btn btn-secondary', onclick: later }, t('learnMore')),
          null,
        ),
      ),
    ),
    { title: t('appsTitle'), nav: 'apps' },
  );
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
});

route('/apps/accounting', async (params, query, isCurrent) => {
  showLoading('apps');
  const setup = await api('GET', '/api/v1/accounting/setup');
  if (!isCurrent()) return;
  if (setup.step !== 'inactive' && setup.step !== 'active') return navigate(stepPaths[setup.step], { replace: true });

  const breadcrumb = h(
    'nav',
    { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
    h('a', { href: '/apps' }, t('appsTitle')),
    h('span', { 'aria-hidden': 'true' }, ' / '),
    h('span', { 'aria-current': 'page' }, t('accountingApp')),
  );
  let body;
  if (setup.step === 'inactive') {
    body = h(
      'section',
      { class: 'card app-detail' },
      h(
        'div',
        { class: 'app-card-top' },
        h('span', { class: 'app-tile app-tile-accounting', 'aria-hidden': 'true' }, icon('link')),
        h('span', { class: 'badge' }, t('statusInactive')),
      ),
      h('h1', {}, t('accountingApp')),
      h('p', { class: 'muted' }, t('accountingAppDescription')),
      h(
        'div',
        { class: 'app-card-actions' },
        h('button', { type: 'button', class: 'btn btn-primary', onclick: (e) => activateAccounting(e.currentTarget) }, t('activate')),
      ),
    );
  } else {
    const deactivate = async () => {
      if (!confirm(t('deactivateConfirm'))) return;
      await api('POST', '/api/v1/accounting/setup/deactivate');
      renderRoute();
    };
    body = h(
      'section',
      { class: 'card app-detail' },
      h(
        'div',
        { class: 'app-card-top' },
        h('span', { class: 'app-tile app-tile-accounting', 'aria-hidden': 'true' }, icon('link')),
        h('span', { class: 'badge badge-success' }, t('statusActive')),
      ),
      h('h1', {}, t('accountingApp')),
      h('p', { class: 'connected-line' }, icon('check'), ' ', t('connectedTo', { target: setup.packageName || 'Yokoy' })),
      h(
        'dl',
        { class: 'summary-dl' },
        h('dt', {}, t('onlineConnection')),
        h('dd', {}, t('enabled')),
        h('dt', {}, t('exportTypeLabel')),
        h('dd', {}, setup.exportType === 'bankStatements' ? t('exportBankStatements') : t('exportInvoices')),
        h('dt', {}, t('legalEntityLabel')),
        h('dd', {}, setup.legalEntityName || '—'),
        h('dt', {}, t('yokoyOrganizationId')),
        h('dd', { class: 'mono' }, setup.credentials.organizationId),
        h('dt', {}, t('activatedOn', { date: '' }).replace(/\s*$/, '')),
        h('dd', {}, dateText(setup.activatedAt)),
      ),
      h(
        'div',
        { class: 'app-card-actions' },
        h('button', { type: 'button', class: 'btn btn-danger-outline', onclick: deactivate }, t('deactivate')),
      ),
    );
  }
  setContent(h('div', { class: 'stack narrow' }, breadcrumb, body), { title: t('accountingApp'), nav: 'apps' });
});
