// Core of the Banqup look-alike's browser app: bootstrap data, labels, a tiny DOM builder,
// the JSON API client, formatting, toasts and the History-API router. Every screen file
// below uses these; all files share one function scope (see assets.ts), so no globals leak.

const boot = JSON.parse(document.getElementById('bq-bootstrap').textContent);
const L = boot.labels;
const localeOf = { pt: 'pt-PT', en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE', de: 'de-DE' };
const locale = localeOf[boot.lang] || 'pt-PT';
const spaceId = boot.space.spaceId;

/** A label of the user's language, with `{name}` placeholders filled. */
function t(key, values) {
  const text = L[key] !== undefined ? L[key] : key;
  return values ? text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m)) : text;
}

/**
 * h('button', {class: 'btn', onclick: fn, 'aria-expanded': 'false', disabled: true}, 'text', child…)
 * Attributes: `on*` become listeners, `true`/`false`/null toggle boolean attributes, anything
 * else is set as an attribute. Children: strings, nodes, arrays, null (skipped).
 */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value === false || value === null || value === undefined) continue;
    else if (name === 'value' && (tag === 'input' || tag === 'select' || tag === 'textarea')) el.value = value;
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}
function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

let uid = 0;
/** Unique element ids for label/aria wiring (ids are an implementation detail, never a hook). */
function newId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Inline SVG icons (decorative: aria-hidden). */
function icon(name) {
  const paths = {
    grid: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z',
    dots: 'M5 5h2v2H5zM11 5h2v2h-2zM17 5h2v2h-2zM5 11h2v2H5zM11 11h2v2h-2zM17 11h2v2h-2zM5 17h2v2H5zM11 17h2v2h-2zM17 17h2v2h-2z',
    home: 'M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
    inbox: 'M3 13l3-8h12l3 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1zM3 13h5l1 3h6l1-3h5',
    bank: 'M3 10l9-6 9 6M5 10v8M9 10v8M15 10v8M19 10v8M3 20h18',
    apps: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM16.5 13v7M13 16.5h7',
    chevron: 'M6 9l6 6 6-6',
    check: 'M5 12l5 5 9-10',
    download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
    globe: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18',
    back: 'M15 18l-6-6 6-6',
    link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
    alert: 'M12 8v5M12 16.5v.5M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  };
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', paths[name] || '');
  svg.append(path);
  return svg;
}

// ---- API ------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, data) {
    super(data?.error || `HTTP ${status}`);
    this.status = status;
    this.code = data?.error || null;
    this.fields = data?.fields || {};
  }
}

/** JSON request to the app's own API with the session cookie; 401 sends the user to sign in. */
async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  if (res.status === 401) {
    location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(401, { error: 'unauthenticated' });
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}
const spaceApi = (path) => `/api/v1/spaces/${encodeURIComponent(spaceId)}${path}`;

// ---- Formatting -------------------------------------------------------------------------

function money(amount, currency) {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency || 'EUR' }).format(amount);
  } catch {
    return `${Number(amount).toFixed(2)} ${currency || ''}`.trim();
  }
}
function dateText(iso) {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
}
function statusLabel(status) {
  const key = `status_${String(status).toUpperCase()}`;
  return L[key] !== undefined ? L[key] : String(status);
}
function statusBadge(status) {
  return h(
    'span',
    {
      class: `badge badge-status badge-${String(status)
        .toLowerCase()
        .replace(/[^a-z]+/g, '-')}`,
    },
    statusLabel(status),
  );
}

// ---- Toasts -----------------------------------------------------------------------------

function toast(text, kind) {
  const box = document.getElementById('toasts');
  const el = h('div', { class: `toast toast-${kind || 'info'}` }, kind === 'success' ? icon('check') : null, h('span', {}, text));
  box.append(el);
  setTimeout(() => el.remove(), 5000);
}

// ---- Router -----------------------------------------------------------------------------

const routes = [];
/** route('/documents/:id', render): render(params, query) draws into the main area. */
function route(pattern, render) {
  const names = [];
  const source = pattern.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  routes.push({ regex: new RegExp(`^${source}/?$`), names, render });
}
function matchRoute(pathname) {
  for (const r of routes) {
    const m = r.regex.exec(pathname);
    if (m) {
      const params = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { render: r.render, params };
    }
  }
  return null;
}

let renderToken = 0;
/** Draws the screen for the current URL; a newer navigation cancels an older async render. */
async function renderRoute() {
  const token = ++renderToken;
  const found = matchRoute(location.pathname);
  const query = new URLSearchParams(location.search);
  const isCurrent = () => token === renderToken;
  if (!found) return setContent(notFoundScreen(), { title: t('notFoundTitle') });
  try {
    await found.render(found.params, query, isCurrent);
  } catch (error) {
    if (!isCurrent() || (error instanceof ApiError && error.status === 401)) return;
    console.error(error);
    setContent(h('div', { class: 'card empty-state' }, h('p', { role: 'alert' }, t('genericError'))), { title: t('genericError') });
  }
}

function navigate(path, options) {
  const opts = options || {};
  if (opts.replace) history.replaceState(opts.state || null, '', path);
  else history.pushState(opts.state || null, '', path);
  window.scrollTo(0, 0);
  return renderRoute();
}

// Same-origin links to SPA paths navigate in place; others (logout, downloads, API) load normally.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = event.target.closest?.('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !matchRoute(url.pathname)) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', () => renderRoute());

function notFoundScreen() {
  return h(
    'div',
    { class: 'card empty-state' },
    h('h1', {}, t('notFoundTitle')),
    h('a', { href: '/', class: 'btn btn-secondary' }, t('backToDashboard')),
  );
}
