/**
 * /assets/app.js: the small amount of behaviour every page has. Navigation groups that fold,
 * the user menu, copy buttons (`data-copy="<element id>"`, delegated so buttons inside dialogs
 * inserted later work too) and selects that navigate on change (`data-autosubmit`).
 * Plain ES2020 in a string: the sandbox serves it as is, no bundler.
 */
export const appJs = /* js */ `
(() => {
  const announcer = () => document.getElementById('announcer');
  window.ykAnnounce = (text) => { const a = announcer(); if (a) { a.textContent = ''; setTimeout(() => (a.textContent = text), 30); } };

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;

    const groupButton = target.closest('.nav-group > button');
    if (groupButton) {
      const list = document.getElementById(groupButton.getAttribute('aria-controls'));
      const open = groupButton.getAttribute('aria-expanded') !== 'true';
      groupButton.setAttribute('aria-expanded', String(open));
      if (list) list.hidden = !open;
      return;
    }

    const menuButton = target.closest('#user-menu-button');
    const menu = document.getElementById('user-menu');
    if (menuButton && menu) {
      const open = menuButton.getAttribute('aria-expanded') !== 'true';
      menuButton.setAttribute('aria-expanded', String(open));
      menu.hidden = !open;
      if (open) menu.querySelector('[role^="menuitem"]')?.focus();
      return;
    }
    if (menu && !menu.hidden && !target.closest('#user-menu')) {
      menu.hidden = true;
      document.getElementById('user-menu-button')?.setAttribute('aria-expanded', 'false');
    }

    const copy = target.closest('[data-copy]');
    if (copy) copyFrom(copy);
  });

  document.addEventListener('keydown', (event) => {
    const menu = document.getElementById('user-menu');
    if (event.key === 'Escape' && menu && !menu.hidden) {
      menu.hidden = true;
      const button = document.getElementById('user-menu-button');
      button?.setAttribute('aria-expanded', 'false');
      button?.focus();
    }
  });

  document.addEventListener('change', (event) => {
    const select = event.target instanceof HTMLSelectElement ? event.target : null;
    if (select && select.hasAttribute('data-autosubmit')) select.form?.requestSubmit();
  });

  async function copyFrom(button) {
    const source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) return;
    const value = 'value' in source ? source.value : (source.textContent || '').trim();
    let ok = false;
    try {
      await navigator.clipboard.writeText(value);
      ok = true;
    } catch {
      // Older browsers and denied permissions: fall back to a selection copy.
      if ('select' in source) {
        source.select();
        try { ok = document.execCommand('copy'); } catch { ok = false; }
      }
    }
    const label = (button.dataset.label ||= button.textContent);
    button.textContent = ok ? button.getAttribute('data-copied-label') : button.getAttribute('data-failed-label');
    button.classList.toggle('is-done', ok);
    window.ykAnnounce(button.textContent);
    clearTimeout(button._ykTimer);
    button._ykTimer = setTimeout(() => { button.textContent = label; button.classList.remove('is-done'); }, ok ? 2000 : 4000);
    if (ok) button.setAttribute('data-copied', 'true');
  }
})();
`;
