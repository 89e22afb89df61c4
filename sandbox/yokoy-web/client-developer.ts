/**
 * /assets/developer.js: the "Generate credentials" flow as the real single-page app runs it.
 * The dialogs do not exist in the served HTML; they are inserted into an overlay container
 * when opened and removed when closed, so a content script must watch the DOM (as it would
 * have to on Yokoy). Steps: type (OAuth / API key) → name → POST → the one-time secret dialog,
 * which cannot be dismissed until "I have copied the credentials" is ticked. On "Done" the
 * secret leaves the DOM and the new row (name, client ID, never the secret) joins the table.
 */
export const developerJs = /* js */ `
(() => {
  const t = JSON.parse(document.getElementById('developer-i18n').textContent);
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const overlay = document.getElementById('overlay-root');
  const esc = (v) => String(v).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const fill = (s, values) => s.replace(/\\{(\\w+)\\}/g, (w, k) => (k in values ? values[k] : w));
  let current = null;
  let opener = null;

  document.addEventListener('click', (event) => {
    const trigger = event.target instanceof Element ? event.target.closest('[data-action="generate-credentials"]') : null;
    if (trigger) { opener = trigger; chooseType(); }
  });

  function open(html, titleId, { dismissible }) {
    close(false);
    const backdrop = document.createElement('div');
    backdrop.className = 'backdrop';
    backdrop.innerHTML = '<div class="dialog" role="dialog" aria-modal="true" aria-labelledby="' + titleId + '">' + html + '</div>';
    overlay.appendChild(backdrop);
    const dialog = backdrop.firstElementChild;
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && dismissible) { event.preventDefault(); close(); }
      if (event.key === 'Tab') trapFocus(dialog, event);
    });
    current = backdrop;
    const first = dialog.querySelector('[autofocus]') || dialog.querySelector('input:not([disabled]), button:not([disabled])');
    first?.focus();
    return dialog;
  }

  function close(restoreFocus = true) {
    if (!current) return;
    current.remove();
    current = null;
    if (restoreFocus) opener?.focus();
  }

  function trapFocus(dialog, event) {
    const focusable = [...dialog.querySelectorAll('button:not([disabled]), input:not([disabled]), [href]')];
    if (!focusable.length) return;
    const first = focusable[0], last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
  }

  const header = (id, title, dismissible) =>
    '<header><h2 id="' + id + '">' + esc(title) + '</h2>' +
    (dismissible ? '<button type="button" class="x" data-close aria-label="' + esc(t.close) + '">×</button>' : '') + '</header>';

  function chooseType() {
    const dialog = open(
      '<form novalidate>' + header('credentials-dialog-title', t.generateCredentials, true) +
      '<div class="dialog-body"><fieldset><legend>' + esc(t.credentialType) + '</legend>' +
      '<label class="choice"><input type="radio" name="type" value="oauth" aria-labelledby="type-oauth" aria-describedby="type-oauth-note">' +
      '<div><strong id="type-oauth">' + esc(t.oauthCredentials) + '</strong><span id="type-oauth-note">' + esc(t.oauthDescription) + '</span></div></label>' +
      '<label class="choice"><input type="radio" name="type" value="api-key" disabled aria-labelledby="type-api-key" aria-describedby="type-api-key-note">' +
      '<div><strong id="type-api-key">' + esc(t.apiKey) + '</strong><span id="type-api-key-note">' + esc(t.apiKeyDescription) + '</span></div></label>' +
      '</fieldset></div><footer><button type="button" class="btn" data-close>' + esc(t.cancel) + '</button>' +
      '<button type="submit" class="btn btn-primary" disabled>' + esc(t.generateCredentials) + '</button></footer></form>',
      'credentials-dialog-title', { dismissible: true });
    wireClose(dialog);
    const form = dialog.querySelector('form');
    // Nothing is preselected: the user picks the type, as in Yokoy ("Choose OAuth credentials").
    form.addEventListener('change', () => { form.querySelector('[type="submit"]').disabled = !form.elements.type.value; });
    form.addEventListener('submit', (event) => { event.preventDefault(); if (form.elements.type.value === 'oauth') chooseName(''); });
  }

  function chooseName(name, error) {
    const dialog = open(
      '<form novalidate>' + header('credentials-dialog-title', t.nameStepTitle, true) +
      '<div class="dialog-body"><div class="field"><label for="credentials-name">' + esc(t.nameLabel) + '</label>' +
      '<input type="text" id="credentials-name" name="name" maxlength="120" autocomplete="off" required autofocus aria-describedby="credentials-name-hint credentials-name-error"' +
      (error ? ' aria-invalid="true"' : '') + ' value="' + esc(name) + '">' +
      '<div class="hint" id="credentials-name-hint">' + esc(t.nameHint) + '</div>' +
      '<div class="error" id="credentials-name-error" role="alert">' + (error ? esc(error) : '') + '</div></div></div>' +
      '<footer><button type="button" class="btn" data-back>' + esc(t.back) + '</button>' +
      '<button type="submit" class="btn btn-primary" data-qa="credentials-next">' + esc(t.next) + '</button></footer></form>',
      'credentials-dialog-title', { dismissible: true });
    wireClose(dialog);
    dialog.querySelector('[data-back]').addEventListener('click', chooseType);
    const form = dialog.querySelector('form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = form.elements.name.value.trim();
      if (!value) return chooseName(value, t.nameRequired);
      if (value.length > 80) return chooseName(value, t.nameTooLong);
      const submit = form.querySelector('[type="submit"]');
      submit.disabled = true;
      submit.setAttribute('aria-busy', 'true');
      try {
        const response = await fetch('/api/developer/credentials', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ type: 'oauth', name: value }),
        });
        const body = await response.json().catch(() => ({}));
        if (response.status === 201) return showSecret(body);
        if (response.status === 409) return chooseName(value, fill(t.nameTaken, { name: value }));
        if (body.code === 'NAME_REQUIRED') return chooseName(value, t.nameRequired);
        if (body.code === 'NAME_TOO_LONG') return chooseName(value, t.nameTooLong);
        chooseName(value, t.genericError);
      } catch {
        chooseName(value, t.genericError);
      }
    });
  }

  function showSecret(credentials) {
    const field = (id, label, value) =>
      '<div class="field"><label for="' + id + '">' + esc(label) + '</label><div class="copy-field">' +
      '<input type="text" id="' + id + '" readonly spellcheck="false" value="' + esc(value) + '">' +
      '<button type="button" class="btn btn-icon" data-copy="' + id + '" data-copied-label="' + esc(t.copied) + '" data-failed-label="' + esc(t.copyFailed) +
      '" aria-label="' + esc(fill(t.copyNamed, { name: label })) + '">' + esc(t.copy) + '</button></div></div>';
    const dialog = open(
      header('secret-dialog-title', t.secretDialogTitle, false) +
      '<div class="dialog-body"><div class="alert" role="note" id="secret-warning">' + esc(t.secretWarning) + '</div>' +
      field(t.fieldIds.clientId, t.clientId, credentials.clientId) +
      field(t.fieldIds.clientSecret, t.clientSecret, credentials.clientSecret) +
      '<label class="check"><input type="checkbox" id="credentials-copied">' + esc(t.confirmCopied) + '</label></div>' +
      '<footer><button type="button" class="btn btn-primary" data-testid="credentials-done" disabled>' + esc(t.done) + '</button></footer>',
      'secret-dialog-title', { dismissible: false });
    dialog.setAttribute('aria-describedby', 'secret-warning');
    const confirm = dialog.querySelector('#credentials-copied');
    const done = dialog.querySelector('[data-testid="credentials-done"]');
    confirm.addEventListener('change', () => { done.disabled = !confirm.checked; });
    done.addEventListener('click', () => {
      close();
      addRow(credentials);
      credentials.clientSecret = '';
    });
  }

  function wireClose(dialog) {
    dialog.querySelectorAll('[data-close]').forEach((b) => b.addEventListener('click', () => close()));
  }

  function addRow(c) {
    const table = document.getElementById('credentials-table');
    const empty = document.getElementById('credentials-empty');
    if (!table) return location.reload();
    table.hidden = false;
    if (empty) empty.hidden = true;
    const created = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'medium' }).format(new Date(c.createdAt));
    const row = document.createElement('tr');
    row.innerHTML = '<td>' + esc(c.name) + '</td><td><code>' + esc(c.clientId) + '</code></td><td>' + esc(t.typeOAuth) + '</td><td>' + esc(created) + '</td>';
    table.tBodies[0].prepend(row);
    window.ykAnnounce?.(c.name);
  }
})();
`;
