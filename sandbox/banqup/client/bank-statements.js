// Bank statements (/bank-statements): the CODA and CAMT.053 files of the space, with downloads.

route('/bank-statements', async (params, query, isCurrent) => {
  showLoading('bank-statements');
  const { bankStatements } = await api('GET', spaceApi('/bank-statements'));
  if (!isCurrent()) return;
  const rows = bankStatements.map((s) =>
    h(
      'tr',
      { 'data-document-id': s.documentId },
      h('td', {}, s.fileName),
      h('td', {}, h('span', { class: 'badge' }, s.format)),
      h('td', { class: 'mono' }, s.iban),
      h('td', {}, dateText(s.date)),
      h(
        'td',
        { class: 'num' },
        h(
          'a',
          {
            href: spaceApi(`/bank-statements/${encodeURIComponent(s.documentId)}/content`),
            download: s.fileName,
            class: 'btn btn-secondary btn-small',
            'aria-label': `${t('download')} ${s.fileName}`,
          },
          icon('download'),
          t('download'),
        ),
      ),
    ),
  );
  setContent(
    h(
      'div',
      { class: 'stack' },
      pageHeader(t('bankStatementsTitle')),
      h(
        'div',
        { class: 'table-wrap card' },
        h(
          'table',
          { class: 'data-table', 'aria-label': t('bankStatementsTitle') },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['fileName', 'format', 'account', 'date'].map((k) => h('th', { scope: 'col' }, t(k))),
              h('th', { scope: 'col', class: 'num' }, h('span', { class: 'visually-hidden' }, t('download'))),
            ),
          ),
          h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: '5', class: 'empty' }, t('noBankStatements')))),
        ),
      ),
    ),
    { title: t('bankStatementsTitle'), nav: 'bank-statements' },
  );
});
