// New Banqup only (boot.platform === 'new'): /home and /purchase-invoices draw the same screens
// as the classic dashboard and purchase list, and /store is the Banqup Store: the extensions
// the help centre names (Exact Online, Octopus, Pingwin, Count-e, Google Drive, Dropbox, SFTP),
// each Install → confirm access permissions → Save configurations → installed, then Manage →
// Active on/off (support.banqup.com/en/articles/251598, …/281195). There is no Yokoy extension:
// nobody has found one. Install state lives in this tab's sessionStorage (a look-alike's toy).

const storeExtensions = [
  ['exact-online', 'Exact Online'],
  ['octopus', 'Octopus'],
  ['pingwin', 'Pingwin'],
  ['count-e', 'Count-e'],
  ['google-drive', 'Google Drive'],
  ['dropbox', 'Dropbox'],
  ['sftp', 'SFTP'],
];
const STORE_KEY = 'bq-store';
function storeState() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE_KEY) || '{}');
  } catch {
    return {};
  }
}
function saveStoreState(state) {
  sessionStorage.setItem(STORE_KEY, JSON.stringify(state));
}

function aliasRoute(path, of) {
  const found = matchRoute(of);
  if (found) route(path, found.render);
}
aliasRoute('/home', '/');
aliasRoute('/purchase-invoices', '/purchases');

function permissionsDialog(name, onAllow) {
  const titleId = newId('perm-title');
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, t('permissionsTitle')),
    h('p', {}, t('permissionsIntro', { name })),
    h(
      'div',
      { class: 'wizard-actions' },
      h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => dialog.close() }, t('cancel')),
      h('button', { type: 'button', class: 'btn btn-primary', onclick: () => (dialog.close(), onAllow()) }, t('allow')),
    ),
  );
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
}

route('/store', async () => {
  const state = storeState();
  const searchId = newId('store-search');
  const list = h('div', { class: 'app-grid store-grid' });
  const empty = h('p', { class: 'muted', hidden: true }, t('noExtensionMatches'));
  const draw = (query) => {
    const q = (query || '').trim().toLowerCase();
    const shown = storeExtensions.filter(([, name]) => name.toLowerCase().includes(q));
    empty.hidden = shown.length > 0;
    list.replaceChildren(
      ...shown.map(([id, name]) => {
        const s = state[id] || {};
        const headingId = newId('ext-title');
        let footer;
        if (!s.installed) {
          footer = h(
            'button',
            {
              type: 'button',
              class: 'btn btn-primary',
              onclick: () =>
                permissionsDialog(
                  name,
                  () => (
                    (state[id] = { installed: true, active: true }),
                    saveStoreState(state),
                    draw(search.value),
                    toast(t('installed'), 'success')
                  ),
                ),
            },
            t('install'),
          );
        } else {
          const switchId = newId('ext-active');
          footer = h(
            'div',
            { class: 'switch-wrap' },
            h('span', { class: 'badge badge-success' }, t('installed')),
            h('a', { href: '#', class: 'btn btn-secondary btn-small', onclick: (e) => e.preventDefault() }, t('manage')),
            h(
              'button',
              {
                type: 'button',
                role: 'switch',
                class: 'switch',
                id: switchId,
                'aria-checked': String(Boolean(s.active)),
                'aria-label': `${t('active')}: ${name}`,
                onclick: () => ((state[id] = { ...s, active: !s.active }), saveStoreState(state), draw(search.value)),
              },
              h('span', { class: 'switch-thumb', 'aria-hidden': 'true' }),
            ),
            h('span', {}, t('active')),
          );
        }
        return h(
          'article',
          { class: 'card app-card', 'aria-labelledby': headingId, 'data-extension': id },
          h('h2', { id: headingId }, name),
          h('div', { class: 'app-card-actions' }, footer),
        );
      }),
    );
  };
  const search = h('input', {
    id: searchId,
    type: 'search',
    class: 'input',
    placeholder: t('storeSearch'),
    oninput: (e) => draw(e.currentTarget.value),
  });
  setContent(
    h(
      'div',
      { class: 'stack' },
      pageHeader(t('storeTitle')),
      h('p', { class: 'muted lead' }, t('storeIntro')),
      h('div', { class: 'field' }, h('label', { for: searchId, class: 'visually-hidden' }, t('storeSearch')), search),
      list,
      empty,
    ),
    { title: t('storeTitle') },
  );
  draw('');
});
