// Purchase invoices (/purchases): filters (date range, supplier, status) kept in the URL, a
// table with a checkbox per row and select-all, paging. Rows carry `data-document-id` and
// link to the document's page, as Banqup's list does.

const purchasesPageSize = 50;
const purchaseStatuses = Object.keys(L)
  .filter((k) => k.startsWith('status_'))
  .map((k) => k.slice('status_'.length));
/** Selection survives paging and filtering within this visit of the list. */
const selectedDocuments = new Set();

route('/purchases', async (params, query, isCurrent) => {
  showLoading('purchases');
  const filters = {
    from: query.get('from') || '',
    to: query.get('to') || '',
    supplier: query.get('supplier') || '',
    status: query.get('status') || '',
  };
  const page = Math.max(1, Number(query.get('page')) || 1);
  const search = new URLSearchParams({ folder: 'PURCHASES', page: String(page), pageSize: String(purchasesPageSize) });
  for (const [k, v] of Object.entries(filters)) if (v) search.set(k, v);
  const result = await api('GET', spaceApi(`/documents?${search}`));
  if (!isCurrent()) return;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));

  const goTo = (changes) => {
    const next = new URLSearchParams();
    const merged = { ...filters, page: String(page), ...changes };
    for (const [k, v] of Object.entries(merged)) if (v && !(k === 'page' && v === '1')) next.set(k, v);
    const qs = next.toString();
    navigate(`/purchases${qs ? `?${qs}` : ''}`);
  };

  // Filters
  const fromId = newId('filter-from');
  const toId = newId('filter-to');
  const supplierId = newId('filter-supplier');
  const statusId = newId('filter-status');
  const form = h(
    'form',
    { class: 'filters card', role: 'search', 'aria-label': t('filters') },
    h(
      'div',
      { class: 'field' },
      h('label', { for: fromId }, t('dateFrom')),
      h('input', { id: fromId, name: 'from', type: 'date', class: 'input', value: filters.from }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: toId }, t('dateTo')),
      h('input', { id: toId, name: 'to', type: 'date', class: 'input', value: filters.to }),
    ),
    h(
      'div',
      { class: 'field field-grow' },
      h('label', { for: supplierId }, t('supplier')),
      h('input', {
        id: supplierId,
        name: 'supplier',
        type: 'search',
        class: 'input',
        value: filters.supplier,
        'data-qa': 'filter-supplier',
      }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: statusId }, t('status')),
      h(
        'select',
        { id: statusId, name: 'status', class: 'input' },
        h('option', { value: '' }, t('allStatuses')),
        purchaseStatuses.map((s) => h('option', { value: s, selected: s === filters.status }, statusLabel(s))),
      ),
    ),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('applyFilters')),
      h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => navigate('/purchases') }, t('clearFilters')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    goTo({
      from: data.get('from'),
      to: data.get('to'),
      supplier: String(data.get('supplier')).trim(),
      status: data.get('status'),
      page: '1',
    });
  });

  // Table
  const selectionText = h('span', { class: 'muted small', 'aria-live': 'polite' });
  const rowBoxes = [];
  const selectAll = h('input', { type: 'checkbox', 'aria-label': t('selectAll'), 'data-qa': 'select-all' });
  const syncSelection = () => {
    const checked = rowBoxes.filter((b) => b.checked).length;
    selectAll.checked = checked > 0 && checked === rowBoxes.length;
    selectAll.indeterminate = checked > 0 && checked < rowBoxes.length;
    selectionText.textContent = selectedDocuments.size
      ? t('selectedCount', { n: selectedDocuments.size })
      : t('totalDocuments', { n: result.total });
  };
  selectAll.addEventListener('change', () => {
    for (const box of rowBoxes) {
      box.checked = selectAll.checked;
      const id = box.closest('tr').dataset.documentId;
      if (box.checked) selectedDocuments.add(id);
      else selectedDocuments.delete(id);
      box.closest('tr').classList.toggle('selected', box.checked);
    }
    syncSelection();
  });
  const rows = result.documents.map((d) => {
    const box = h('input', {
      type: 'checkbox',
      'aria-label': t('selectRow', { number: d.documentNumber }),
      checked: selectedDocuments.has(d.documentId),
    });
    rowBoxes.push(box);
    box.addEventListener('change', () => {
      if (box.checked) selectedDocuments.add(d.documentId);
      else selectedDocuments.delete(d.documentId);
      box.closest('tr').classList.toggle('selected', box.checked);
      syncSelection();
    });
    const href = `/documents/${encodeURIComponent(d.documentId)}`;
    return h(
      'tr',
      { 'data-document-id': d.documentId, class: selectedDocuments.has(d.documentId) ? 'selected' : null },
      h('td', { class: 'col-check' }, box),
      h('td', {}, h('a', { href, class: 'doc-link' }, d.documentNumber)),
      h('td', {}, d.supplierName, d.supplierCountry ? h('span', { class: 'muted small' }, ` · ${d.supplierCountry}`) : null),
      h('td', {}, d.documentType === 'CREDIT_NOTE' ? t('typeCreditNote') : t('typeInvoice')),
      h('td', {}, dateText(d.issueDate)),
      h('td', {}, dateText(d.dueDate)),
      h('td', { class: 'num' }, money(d.totalAmount, d.currency)),
      h('td', {}, statusBadge(d.status)),
    );
  });
  const table = h(
    'div',
    { class: 'table-wrap card' },
    h(
      'table',
      { class: 'data-table', 'aria-label': t('purchasesTitle') },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { class: 'col-check', scope: 'col' }, selectAll),
          ['documentNumber', 'supplier', 'documentType', 'issueDate', 'dueDate', 'amount', 'status'].map((k) =>
            h('th', { scope: 'col', class: k === 'amount' ? 'num' : null }, t(k)),
          ),
        ),
      ),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: '8', class: 'empty' }, t('noDocuments')))),
    ),
  );
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': t('pageOf', { page, pages }) },
    h(
      'button',
      { type: 'button', class: 'btn btn-secondary btn-small', disabled: page <= 1, onclick: () => goTo({ page: String(page - 1) }) },
      t('previousPage'),
    ),
    h('span', { class: 'muted small' }, t('pageOf', { page, pages })),
    h(
      'button',
      { type: 'button', class: 'btn btn-secondary btn-small', disabled: page >= pages, onclick: () => goTo({ page: String(page + 1) }) },
      t('nextPage'),
    ),
  );
  setContent(h('div', { class: 'stack' }, pageHeader(t('purchasesTitle'), selectionText), form, table, pager), {
    title: t('purchasesTitle'),
    nav: 'purchases',
  });
  syncSelection();
});
