// The dashboard ("painel de controlo"), where the wizard ends (A14): document counts, the
// active applications (the Accounting app "connected to Yokoy" with its legal entity) and
// the latest purchase invoices.

function accountingStatusCard(setup) {
  if (!setup.active) {
    return h(
      'div',
      { class: 'card-body' },
      h('p', { class: 'muted' }, t('noActiveApps')),
      h('a', { href: '/apps', class: 'btn btn-secondary' }, t('appsMenuAllApps')),
    );
  }
  return h(
    'div',
    { class: 'card-body' },
    h(
      'div',
      { class: 'app-row' },
      h('span', { class: 'app-tile app-tile-accounting', 'aria-hidden': 'true' }, icon('link')),
      h(
        'div',
        { class: 'app-row-text' },
        h('h3', {}, t('accountingApp')),
        h(
          'p',
          { class: 'connected-line' },
          h('span', { class: 'badge badge-success' }, t('statusActive')),
          ' ',
          t('connectedTo', { target: setup.packageName || 'Yokoy' }),
        ),
        h(
          'dl',
          { class: 'inline-dl' },
          h('dt', {}, t('legalEntityLabel')),
          h('dd', {}, setup.legalEntityName || '—'),
          h('dt', {}, t('exportTypeLabel')),
          h('dd', {}, setup.exportType === 'bankStatements' ? t('exportBankStatements') : t('exportInvoices')),
        ),
      ),
      h('a', { href: '/apps/accounting', class: 'btn btn-secondary btn-small' }, t('manage')),
    ),
  );
}

route('/', async (params, query, isCurrent) => {
  showLoading('dashboard');
  const [setup, all, toApprove, statements] = await Promise.all([
    api('GET', '/api/v1/accounting/setup'),
    api('GET', spaceApi('/documents?folder=PURCHASES&pageSize=5')),
    api('GET', spaceApi('/documents?folder=PURCHASES&status=AWAITING_VALIDATION&pageSize=1')),
    api('GET', spaceApi('/bank-statements')),
  ]);
  if (!isCurrent()) return;
  const flash = history.state?.flash;
  const stat = (label, value, href) =>
    h('a', { class: 'card stat-card', href }, h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value' }, String(value)));

  setContent(
    h(
      'div',
      { class: 'stack' },
      pageHeader(t('dashboardTitle')),
      flash ? h('div', { class: 'alert alert-success', role: 'status' }, icon('check'), h('span', {}, t(flash))) : null,
      h('p', { class: 'muted lead' }, t('welcome', { name: boot.user.firstName })),
      h(
        'div',
        { class: 'stat-grid' },
        stat(t('toProcess'), toApprove.total, '/purchases?status=AWAITING_VALIDATION'),
        stat(t('purchasesThisMonth'), all.total, '/purchases'),
        stat(t('bankStatementsCount'), statements.bankStatements.length, '/bank-statements'),
      ),
      h(
        'div',
        { class: 'dashboard-grid' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'dash-apps' },
          h('div', { class: 'card-header' }, h('h2', { id: 'dash-apps' }, t('activeApps'))),
          accountingStatusCard(setup),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'dash-latest' },
          h(
            'div',
            { class: 'card-header' },
            h('h2', { id: 'dash-latest' }, t('purchasesTitle')),
            h('a', { href: '/purchases', class: 'link small' }, t('viewAll')),
          ),
          h(
            'ul',
            { class: 'doc-list' },
            all.documents.map((d) =>
              h(
                'li',
                { 'data-document-id': d.documentId },
                h(
                  'a',
                  { href: `/documents/${encodeURIComponent(d.documentId)}` },
                  h('span', { class: 'doc-supplier' }, d.supplierName),
                  h('span', { class: 'muted small' }, `${d.documentNumber} · ${dateText(d.issueDate)}`),
                ),
                h('span', { class: 'doc-amount' }, money(d.totalAmount, d.currency)),
              ),
            ),
          ),
        ),
      ),
    ),
    { title: t('dashboardTitle'), nav: 'dashboard' },
  );
  // The success note shows once: forget it so a reload does not repeat it.
  if (flash) history.replaceState(null, '', location.pathname);
});
