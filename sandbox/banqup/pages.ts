/**
 * The HTML the server renders: the single-page app's shell (the same for every app path; the
 * client script draws the screen from the URL) and the sign-in page, which like many real
 * products lives outside the SPA and posts a plain form.
 */
import { esc } from '../http';
import { labels, languages, type Language } from './labels';
import type { BanqupSpace, BanqupUser } from './store';

/** The JSON the client script starts from (labels of the user's language, who is signed in). */
export interface Bootstrap {
  lang: Language;
  languages: { code: Language; name: string }[];
  labels: (typeof labels)[Language];
  user: { userId: string; email: string; firstName: string; lastName: string };
  space: { spaceId: string; name: string };
  /** Classic or new Banqup: the client draws that platform's frame. */
  platform: 'classic' | 'new';
}

/** JSON inside <script>: `<` escaped so "</script>" in data cannot end the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const head = (title: string) => `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">`;

export function appShell(user: BanqupUser, space: BanqupSpace, platform: 'classic' | 'new' = 'classic'): string {
  const bootstrap: Bootstrap = {
    lang: user.language,
    languages: languages.map((code) => ({ code, name: labels[code].languageName })),
    labels: labels[user.language],
    user: { userId: user.userId, email: user.email, firstName: user.firstName, lastName: user.lastName },
    space: { spaceId: space.spaceId, name: space.name },
    platform,
  };
  return `<!doctype html>
<html lang="${user.language}">
<head>
${head('Banqup')}
<script type="application/json" id="bq-bootstrap">${scriptJson(bootstrap)}</script>
<script src="/assets/app.js" defer></script>
</head>
<body>
<div id="root" aria-busy="true"><div class="boot-splash"><span class="logo-mark" aria-hidden="true"></span></div></div>
<div id="toasts" class="toasts" role="status" aria-live="polite"></div>
</body>
</html>`;
}

export function loginPage(lang: Language, options: { next: string; email?: string; error?: string }): string {
  const l = labels[lang];
  const switcher = languages
    .map((code) =>
      code === lang
        ? `<span aria-current="true">${code.toUpperCase()}</span>`
        : `<a href="/login?lang=${code}&amp;next=${encodeURIComponent(options.next)}" hreflang="${code}" lang="${code}">${code.toUpperCase()}</a>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
${head(`${l.loginTitle} · Banqup`)}
</head>
<body class="login-body">
<main class="login-card">
  <div class="login-brand"><span class="logo-mark" aria-hidden="true"></span><span class="logo-text">banqup</span></div>
  <h1>${esc(l.loginTitle)}</h1>
  <p class="muted">${esc(l.loginIntro)}</p>
  ${options.error ? `<div class="alert alert-error" role="alert">${esc(options.error)}</div>` : ''}
  <form method="post" action="/login" class="form" novalidate>
    <input type="hidden" name="next" value="${esc(options.next)}">
    <div class="field">
      <label for="login-email">${esc(l.email)}</label>
      <input id="login-email" name="email" type="email" autocomplete="username" required value="${esc(options.email ?? '')}">
    </div>
    <div class="field">
      <label for="login-password">${esc(l.password)}</label>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required>
    </div>
    <button type="submit" class="btn btn-primary btn-block" data-qa="login-submit">${esc(l.loginButton)}</button>
    <a class="link small" href="#" onclick="return false">${esc(l.forgotPassword)}</a>
  </form>
  <nav class="login-languages" aria-label="${esc(l.language)}">${switcher}</nav>
</main>
</body>
</html>`;
}

/** The terms of service on their own page (the wizard's link opens them in a dialog instead). */
export function termsPage(lang: Language): string {
  const l = labels[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
${head(`${l.termsTitle} · Banqup`)}
</head>
<body>
<main class="card terms-page">
  <div class="login-brand"><span class="logo-mark" aria-hidden="true"></span><span class="logo-text">banqup</span></div>
  <h1>${esc(l.termsTitle)}</h1>
  <p>${esc(l.termsBody)}</p>
</main>
</body>
</html>`;
}
