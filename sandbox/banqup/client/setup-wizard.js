// The Accounting app's setup wizard (A3–A13). The server keeps the step and every value, so
// this file only draws the screen for the server's current step (a reload or a stale URL
// lands there), saves each control's value as it changes and asks the server to move on.
//
// Screens: /apps/accounting/connection (A3) → export (A4) → package (A5) → yokoy (A6–A11)
// → legal-entity (A12–A13) → dashboard (A14).

const wizardScreens = {
  connection: { n: 1, draw: connectionScreen },
  exportType: { n: 2, draw: exportTypeScreen },
  package: { n: 3, draw: packageScreen },
  credentials: { n: 4, draw: credentialsScreen },
  legalEntity: { n: 5, draw: legalEntityScreen },
};
const wizardTotal = 5;

route('/apps/accounting/:screen', async (params, query, isCurrent) => {
  showLoading('apps');
  const setup = await api('GET', '/api/v1/accounting/setup');
  if (!isCurrent()) return;
  const path = stepPaths[setup.step];
  // Resume where the server says the user is; earlier or later screens are not reachable by URL.
  if (path !== location.pathname) return navigate(path, { replace: true });
  drawWizard(setup);
});

function drawWizard(setup) {
  const screen = wizardScreens[setup.step];
  const titleId = newId('wizard-title');
  const content = screen.draw(setup, titleId);
  const breadcrumb = h(
    'nav',
    { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
    h('a', { href: '/apps' }, t('appsTitle')),
    h('span', { 'aria-hidden': 'true' }, ' / '),
    h('span', { 'aria-current': 'page' }, t('accountingApp')),
  );
  const stepper = h(
    'ol',
    { class: 'stepper', 'aria-hidden': 'true' },
    Array.from({ length: wizardTotal }, (_, i) => h('li', { class: i + 1 < screen.n ? 'done' : i + 1 === screen.n ? 'current' : '' })),
  );
  const card = h(
    'section',
    { class: 'card wizard', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'wizard-header' },
      h('p', { class: 'eyebrow' }, t('accountingApp'), ' · ', t('wizardStep', { n: screen.n, total: wizardTotal })),
      stepper,
      h('h1', { id: titleId }, content.title),
      content.intro ? h('p', { class: 'muted' }, content.intro) : null,
    ),
    h('div', { class: 'wizard-body' }, content.body),
    h('div', { class: 'wizard-actions' }, content.actions),
  );
  setContent(h('div', { class: 'stack narrow' }, breadcrumb, card), { title: `${content.title} · ${t('accountingApp')}`, nav: 'apps' });
  if (content.afterMount) content.afterMount();
}

/** Draft saves in flight, in order; an action waits for them so it never overtakes a save. */
let pendingSaves = Promise.resolve();

/** Runs a wizard action; on success goes to the returned step's screen, else shows errors. */
async function wizardAction(name, body, onError, button) {
  if (button) button.disabled = true;
  try {
    await pendingSaves;
    const setup = await api('POST', `/api/v1/accounting/setup/${name}`, body);
    await navigate(stepPaths[setup.step]);
    return setup;
  } catch (error) {
    if (button) button.disabled = false;
    if (error instanceof ApiError && error.status === 401) return null;
    if (error instanceof ApiError && onError && onError(error) !== false) return null;
    toast(t('genericError'), 'error');
    return null;
  }
}
/** Saves a draft value (PATCH); reverts the control through `onFail` when refused. */
function saveDraft(patch, onFail) {
  const save = pendingSaves.then(async () => {
    try {
      return await api('PATCH', '/api/v1/accounting/setup', patch);
    } catch (error) {
      if (onFail) onFail(error);
      if (!(error instanceof ApiError && error.status === 401)) toast(t('genericError'), 'error');
      return null;
    }
  });
  pendingSaves = save.then(() => undefined);
  return save;
}

const backButton = () =>
  h(
    'button',
    { type: 'button', class: 'btn btn-ghost', onclick: (e) => wizardAction('back', undefined, null, e.currentTarget) },
    icon('back'),
    t('back'),
  );

/** An inline error under a control, announced when it appears. */
function fieldError(id) {
  return h('p', { class: 'field-error', id, role: 'alert', hidden: true });
}
function showError(el, text) {
  el.textContent = text || '';
  el.hidden = !text;
}

// ---- A3: "Conexão on-line" = "Ativado", "Seguinte" ------------------------------------

/** The first screen's other ON/OFF toggle the help shows ("Email delivery" ON); only drawn, not saved. */
function emailDeliveryRow() {
  const labelId = newId('email-label');
  const state = h('span', { class: 'switch-state' }, t('enabled'));
  const toggle = h(
    'button',
    { type: 'button', role: 'switch', class: 'switch', 'aria-checked': 'true', 'aria-labelledby': labelId },
    h('span', { class: 'switch-thumb', 'aria-hidden': 'true' }),
  );
  toggle.addEventListener('click', () => {
    const on = toggle.getAttribute('aria-checked') !== 'true';
    toggle.setAttribute('aria-checked', String(on));
    state.textContent = on ? t('enabled') : t('disabled');
  });
  return h(
    'div',
    { class: 'setting-row setting-row-secondary' },
    h('div', { class: 'setting-text' }, h('span', { class: 'setting-title', id: labelId }, t('emailDelivery'))),
    h('div', { class: 'switch-wrap' }, toggle, state),
  );
}

function connectionScreen(setup) {
  const labelId = newId('online-label');
  const helpId = newId('online-help');
  const errorId = newId('online-error');
  const error = fieldError(errorId);
  const stateText = h('span', { class: 'switch-state' }, setup.onlineConnection ? t('enabled') : t('disabled'));
  const toggle = h(
    'button',
    {
      type: 'button',
      role: 'switch',
      class: 'switch',
      'aria-checked': String(setup.onlineConnection),
      'aria-labelledby': labelId,
      'aria-describedby': helpId,
      'data-qa': 'online-connection-switch',
    },
    h('span', { class: 'switch-thumb', 'aria-hidden': 'true' }),
  );
  const set = (on) => {
    toggle.setAttribute('aria-checked', String(on));
    stateText.textContent = on ? t('enabled') : t('disabled');
  };
  toggle.addEventListener('click', async () => {
    const on = toggle.getAttribute('aria-checked') !== 'true';
    set(on);
    showError(error, '');
    await saveDraft({ onlineConnection: on }, () => set(!on));
  });
  const next = h('button', { type: 'button', class: 'btn btn-primary', 'data-qa': 'wizard-next' }, t('next'));
  next.addEventListener('click', () =>
    wizardAction(
      'next',
      undefined,
      (e) => (e.code === 'online_connection_required' ? showError(error, t('errorOnlineConnectionRequired')) : false),
      next,
    ),
  );
  return {
    title: t('connectionTitle'),
    intro: t('connectionIntro'),
    body: h(
      'div',
      { class: 'setting-row' },
      h(
        'div',
        { class: 'setting-text' },
        h('span', { class: 'setting-title', id: labelId }, t('onlineConnection')),
        h('p', { class: 'muted small', id: helpId }, t('onlineConnectionHelp')),
      ),
      h('div', { class: 'switch-wrap' }, toggle, stateText),
      error,
      emailDeliveryRow(),
    ),
    actions: [h('a', { href: '/apps', class: 'btn btn-ghost' }, t('cancel')), next],
  };
}

// ---- A4: invoices or bank statements ---------------------------------------------------

function exportTypeScreen(setup, titleId) {
  const error = fieldError(newId('export-error'));
  const option = (value, label, help) => {
    const id = newId(`export-${value}`);
    const helpId = newId('export-help');
    const input = h('input', {
      type: 'radio',
      name: 'exportType',
      id,
      value,
      checked: setup.exportType === value,
      'aria-describedby': helpId,
    });
    input.addEventListener('change', () => {
      showError(error, '');
      saveDraft({ exportType: value });
    });
    return h(
      'div',
      { class: 'choice-card' },
      input,
      h('div', { class: 'choice-text' }, h('label', { for: id }, label), h('p', { class: 'muted small', id: helpId }, help)),
    );
  };
  const next = h('button', { type: 'button', class: 'btn btn-primary', 'data-qa': 'wizard-next' }, t('next'));
  next.addEventListener('click', () => {
    const chosen = document.querySelector('input[name="exportType"]:checked');
    wizardAction(
      'next',
      chosen ? { exportType: chosen.value } : undefined,
      (e) => (e.code === 'export_type_required' ? showError(error, t('errorExportTypeRequired')) : false),
      next,
    );
  });
  return {
    title: t('exportTypeTitle'),
    body: h(
      'div',
      {},
      h(
        'div',
        { role: 'radiogroup', class: 'choice-list', 'aria-labelledby': titleId },
        option('invoices', t('exportInvoices'), t('exportInvoicesHelp')),
        option('bankStatements', t('exportBankStatements'), t('exportBankStatementsHelp')),
      ),
      error,
    ),
    actions: [backButton(), next],
  };
}

// ---- A5: pick Yokoy, "Próximo" ----------------------------------------------------------

function packageScreen(setup) {
  const listLabel = newId('package-list');
  const error = fieldError(newId('package-error'));
  const searchId = newId('package-search');
  const empty = h('p', { class: 'muted small', hidden: true }, t('noPackageMatches'));
  const items = setup.packages.map((p) => {
    const id = newId(`package-${p.id}`);
    const input = h('input', { type: 'radio', name: 'package', id, value: p.id, checked: setup.packageId === p.id });
    input.addEventListener('change', () => {
      showError(error, '');
      saveDraft({ packageId: p.id });
    });
    return h(
      'li',
      { class: 'package-item', 'data-qa': `package-${p.id}`, 'data-name': p.name.toLowerCase() },
      input,
      h(
        'label',
        { for: id },
        h('span', { class: `package-logo package-logo-${p.id}`, 'aria-hidden': 'true' }, p.name.slice(0, 1)),
        h('span', { class: 'package-name' }, p.name),
      ),
    );
  });
  const search = h('input', { type: 'search', id: searchId, class: 'input', autocomplete: 'off' });
  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    let shown = 0;
    for (const li of items) {
      li.hidden = q !== '' && !li.dataset.name.includes(q);
      if (!li.hidden) shown += 1;
    }
    empty.hidden = shown > 0;
  });
  const proceed = h('button', { type: 'button', class: 'btn btn-primary', 'data-qa': 'package-next' }, t('proceed'));
  proceed.addEventListener('click', () => {
    const chosen = document.querySelector('input[name="package"]:checked');
    wizardAction(
      'next',
      chosen ? { packageId: chosen.value } : undefined,
      (e) => {
        if (e.code === 'package_required') showError(error, t('errorPackageRequired'));
        else if (e.code === 'package_unavailable') showError(error, t('errorPackageUnavailable'));
        else return false;
      },
      proceed,
    );
  });
  return {
    title: t('packageTitle'),
    body: h(
      'div',
      {},
      h(
        'div',
        { class: 'field' },
        h('label', { for: searchId, class: 'visually-hidden' }, t('packageSearch')),
        h('div', { class: 'search-box' }, search),
        h('span', { class: 'visually-hidden', id: listLabel }, t('packageList')),
      ),
      h('ul', { role: 'radiogroup', class: 'package-grid', 'aria-labelledby': listLabel }, items),
      empty,
      error,
    ),
    actions: [backButton(), proceed],
    afterMount: () => (search.placeholder = t('packageSearch')),
  };
}

// ---- A6–A11: the Yokoy form, sign-in, terms, "Ligar" -----------------------------------

function termsDialog() {
  const titleId = newId('terms-title');
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, t('termsTitle')),
    h('p', {}, t('termsBody')),
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', { type: 'button', class: 'btn btn-primary', onclick: () => dialog.close() }, t('close')),
    ),
  );
  return dialog;
}

function credentialsScreen(setup) {
  const fields = [
    { name: 'clientId', label: t('yokoyClientId'), type: 'text', qa: 'yokoy-client-id' },
    { name: 'clientSecret', label: t('yokoyClientSecret'), type: 'password', qa: null },
    { name: 'organizationId', label: t('yokoyOrganizationId'), type: 'text', qa: 'yokoy-organization-id' },
  ].map((f) => {
    const id = newId(`yokoy-${f.name}`);
    const errorId = newId(`yokoy-${f.name}-error`);
    const input = h('input', {
      id,
      name: f.name,
      type: f.type,
      class: 'input mono',
      value: setup.credentials[f.name],
      autocomplete: f.type === 'password' ? 'new-password' : 'off',
      spellcheck: 'false',
      required: true,
      'aria-describedby': errorId,
      'data-qa': f.qa,
    });
    const error = fieldError(errorId);
    input.addEventListener('input', () => {
      input.removeAttribute('aria-invalid');
      showError(error, '');
    });
    // Autosave when the user leaves the field, so a reload or the sign-in round trip keeps it.
    input.addEventListener('change', () => saveDraft({ credentials: { [f.name]: input.value } }));
    return { ...f, input, error, row: h('div', { class: 'field' }, h('label', { for: id }, f.label), input, error) };
  });
  const values = () => Object.fromEntries(fields.map((f) => [f.name, f.input.value]));

  // A9: Sign in with Yokoy (leaves for Yokoy's web app and comes back to this screen).
  const signIn = setup.yokoySignIn;
  const signInAlert = h(
    'div',
    { class: 'alert alert-error', role: 'alert', hidden: !signIn.error },
    signIn.error === 'cancelled' ? t('yokoySignInCancelled') : t('yokoySignInFailed'),
  );
  const signInButton = h(
    'button',
    { type: 'button', class: 'btn btn-yokoy', 'data-qa': 'yokoy-sign-in' },
    h('span', { class: 'yokoy-mark', 'aria-hidden': 'true' }, 'y'),
    t('yokoySignIn'),
  );
  signInButton.addEventListener('click', async () => {
    signInButton.disabled = true;
    try {
      await pendingSaves;
      const result = await api('POST', '/api/v1/accounting/setup/yokoy-sign-in', { credentials: values() });
      location.assign(result.authorizeUrl);
    } catch (error) {
      signInButton.disabled = false;
      if (!(error instanceof ApiError && error.status === 401)) toast(t('genericError'), 'error');
    }
  });
  const signInRow = signIn.signedIn
    ? h('p', { class: 'signed-in', role: 'status' }, icon('check'), h('span', {}, t('yokoySignedIn')))
    : signInButton;

  // A10: terms of service.
  const dialog = termsDialog();
  const termsId = newId('accept-terms');
  const terms = h('input', { type: 'checkbox', id: termsId, name: 'termsAccepted', checked: setup.termsAccepted });
  const termsLink = h('a', { href: '/legal/accounting-terms', class: 'link', 'aria-haspopup': 'dialog' }, t('terms'));
  termsLink.addEventListener('click', (e) => {
    e.preventDefault();
    dialog.showModal();
  });

  // A11: Connect, enabled once signed in with Yokoy and the terms are accepted.
  const hintId = newId('connect-hint');
  const hint = h('p', { class: 'muted small', id: hintId }, t('connectHint'));
  const connectAlert = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
  const connect = h(
    'button',
    { type: 'submit', class: 'btn btn-primary', 'data-qa': 'yokoy-connect', 'aria-describedby': hintId },
    t('connect'),
  );
  const refresh = () => {
    const ready = signIn.signedIn && terms.checked;
    connect.disabled = !ready;
    hint.hidden = ready;
  };
  terms.addEventListener('change', () => {
    refresh();
    saveDraft({ termsAccepted: terms.checked }, () => {
      terms.checked = !terms.checked;
      refresh();
    });
  });
  refresh();

  const form = h(
    'form',
    { class: 'form', novalidate: true },
    h('p', { class: 'muted' }, t('yokoyIntro')),
    fields.map((f) => f.row),
    h('div', { class: 'signin-row' }, signInRow, signInAlert),
    h('div', { class: 'checkbox-row' }, terms, h('label', { for: termsId }, t('termsAcceptPrefix'), termsLink, t('termsAcceptSuffix'))),
    connectAlert,
    dialog,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showError(connectAlert, '');
    let missing = false;
    for (const f of fields) {
      const empty = !f.input.value.trim();
      showError(f.error, empty ? t('errorRequired') : '');
      if (empty) {
        f.input.setAttribute('aria-invalid', 'true');
        if (!missing) f.input.focus();
        missing = true;
      }
    }
    if (missing) return;
    const label = connect.textContent;
    connect.textContent = t('connecting');
    const done = await wizardAction(
      'connect',
      { credentials: values(), termsAccepted: terms.checked },
      (error) => {
        if (error.code === 'fields_required') {
          for (const f of fields) if (error.fields[f.name]) showError(f.error, t('errorRequired'));
        } else if (error.code === 'not_signed_in') showError(connectAlert, t('errorNotSignedIn'));
        else if (error.code === 'terms_required') showError(connectAlert, t('errorTermsRequired'));
        else if (error.code === 'connection_failed') showError(connectAlert, t('errorConnectFailed'));
        else return false;
      },
      connect,
    );
    if (!done) {
      connect.textContent = label;
      refresh();
    }
  });
  // The submit button sits in the wizard's action bar, outside the form: tie it with form=.
  form.id = newId('yokoy-form');
  connect.setAttribute('form', form.id);
  return {
    title: t('yokoyTitle'),
    body: form,
    actions: [backButton(), h('div', { class: 'actions-right' }, hint, connect)],
  };
}

// ---- A12–A13: legal entity, confirmation, "Ativar" -------------------------------------

function legalEntityScreen(setup) {
  const selectId = newId('legal-entity');
  const selectError = fieldError(newId('legal-entity-error'));
  const confirmId = newId('legal-entity-confirm');
  const confirmError = fieldError(newId('legal-entity-confirm-error'));
  const select = h(
    'select',
    { id: selectId, name: 'legalEntityId', class: 'input', required: true, 'data-qa': 'legal-entity-select' },
    h('option', { value: '' }, t('legalEntityPlaceholder')),
    setup.legalEntities.map((e) => h('option', { value: e.id, selected: e.id === setup.legalEntityId }, e.name)),
  );
  select.addEventListener('change', () => {
    showError(selectError, '');
    saveDraft({ legalEntityId: select.value });
  });
  const confirmBox = h('input', { type: 'checkbox', id: confirmId, name: 'confirmed', checked: setup.confirmed });
  confirmBox.addEventListener('change', () => {
    showError(confirmError, '');
    saveDraft({ confirmed: confirmBox.checked });
  });
  const activate = h('button', { type: 'button', class: 'btn btn-primary' }, t('activate'));
  activate.addEventListener('click', async () => {
    showError(selectError, select.value ? '' : t('errorLegalEntityRequired'));
    showError(confirmError, confirmBox.checked ? '' : t('errorConfirmRequired'));
    if (!select.value || !confirmBox.checked) return;
    activate.disabled = true;
    try {
      await pendingSaves;
      await api('POST', '/api/v1/accounting/setup/finish', { legalEntityId: select.value, confirmed: true });
      // A14: back on the dashboard, which now shows the app connected to Yokoy.
      await navigate('/', { state: { flash: 'activationSuccess' } });
    } catch (error) {
      activate.disabled = false;
      if (!(error instanceof ApiError && error.status === 401)) toast(t('genericError'), 'error');
    }
  });
  return {
    title: t('legalEntityTitle'),
    intro: t('legalEntityIntro'),
    body: h(
      'div',
      { class: 'form' },
      h('div', { class: 'field' }, h('label', { for: selectId }, t('legalEntity')), select, selectError),
      h('div', { class: 'checkbox-row' }, confirmBox, h('label', { for: confirmId }, t('legalEntityConfirm'))),
      confirmError,
    ),
    actions: [backButton(), activate],
  };
}
