// A purchase document's page (/documents/:id): its fields, lines and VAT, the PDF shown in
// an <iframe> of the API's PDF endpoint, and downloads of the UBL and the PDF.

route('/documents/:documentId', async (params, query, isCurrent) => {
  showLoading('purchases');
  const base = spaceApi(`/documents/${encodeURIComponent(params.documentId)}`);
  let d;
  try {
    d = await api('GET', base);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404)
      return setContent(notFoundScreen(), { title: t('notFoundTitle'), nav: 'purchases' });
    throw error;
  }
  if (!isCurrent()) return;
  const title =
    d.documentType === 'CREDIT_NOTE' ? `${t('typeCreditNote')} ${d.documentNumber}` : t('documentTitle', { number: d.documentNumber });
  const field = (label, value) => [h('dt', {}, label), h('dd', {}, value === null || value === undefined || value === '' ? '—' : value)];

  const actions = [
    d.hasUbl
      ? h(
          'a',
          { href: `${base}/ubl`, class: 'btn btn-secondary', download: '', 'data-qa': 'download-ubl' },
          icon('download'),
          t('downloadUbl'),
        )
      : h('span', { class: 'muted small' }, t('noUbl')),
    d.hasPdf
      ? h('a', { href: `${base}/pdf?download=1`, class: 'btn btn-secondary', download: '' }, icon('download'), t('downloadPdf'))
      : null,
  ];

  const details = h(
    'section',
    { class: 'card doc-details', 'aria-label': title },
    h('div', { class: 'doc-head' }, statusBadge(d.status), h('span', { class: 'doc-total' }, money(d.totalAmount, d.currency))),
    h(
      'dl',
      { class: 'summary-dl' },
      field(t('supplier'), d.supplierName),
      field(t('vatId'), d.supplierVatId),
      field(t('customer'), d.customerName),
      field(t('issueDate'), dateText(d.issueDate)),
      field(t('dueDate'), dateText(d.dueDate)),
      field(t('net'), money(d.netAmount, d.currency)),
      field(t('vat'), money(d.vatAmount, d.currency)),
      field(t('total'), money(d.totalAmount, d.currency)),
      field(t('received'), dateText(d.receivedAt)),
      field(t('fileName'), d.fileName),
    ),
    h('h2', { class: 'section-title' }, t('lines')),
    h(
      'table',
      { class: 'data-table compact' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('description')),
          h('th', { scope: 'col', class: 'num' }, t('quantity')),
          h('th', { scope: 'col', class: 'num' }, t('vat')),
          h('th', { scope: 'col', class: 'num' }, t('net')),
        ),
      ),
      h(
        'tbody',
        {},
        (d.lines || []).map((line) =>
          h(
            'tr',
            {},
            h('td', {}, line.description),
            h('td', { class: 'num' }, String(line.quantity)),
            h('td', { class: 'num' }, line.vatPercent !== undefined ? `${line.vatPercent}%` : '—'),
            h('td', { class: 'num' }, money(line.net, d.currency)),
          ),
        ),
      ),
    ),
  );
  const preview = h(
    'section',
    { class: 'card doc-preview', 'aria-label': t('preview') },
    d.hasPdf
      ? h('iframe', { src: `${base}/pdf`, title: `${t('preview')} ${d.documentNumber}`, class: 'pdf-frame' })
      : h('p', { class: 'muted' }, '—'),
  );
  setContent(
    h(
      'div',
      { class: 'stack' },
      h('a', { href: '/purchases', class: 'back-link' }, icon('back'), t('backToPurchases')),
      pageHeader(title, actions),
      h('div', { class: 'doc-layout', 'data-document-id': d.documentId }, details, preview),
    ),
    { title, nav: 'purchases' },
  );
});
