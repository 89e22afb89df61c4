/**
 * The sign-in page: email and password (every seeded user's password is `sandboxPassword`),
 * carrying `next` through so "Sign in with Yokoy" comes back to the consent page.
 */
import { esc } from '../http';
import { labels, labelsFor, languages, type Brand, type Language } from './labels';
import { authPage } from './layout';

export function loginPage(
  language: Language,
  next: string,
  options: { email?: string; failed?: boolean } = {},
  brand: Brand = 'yokoy',
): string {
  const l = labelsFor(language, brand);
  return authPage(
    language,
    l.signInTitle,
    `<h1>${esc(l.signInTitle)}</h1>
<p class="lead">${esc(l.signInIntro)}</p>
${options.failed ? `<div class="form-error" role="alert">${esc(l.signInError)}</div>` : ''}
<form method="post" action="/login" novalidate>
  <input type="hidden" name="next" value="${esc(next)}">
  <div class="field">
    <label for="email">${esc(l.email)}</label>
    <input type="email" id="email" name="email" autocomplete="username" required value="${esc(options.email ?? '')}"${options.failed ? ' aria-invalid="true"' : ''}>
  </div>
  <div class="field">
    <label for="password">${esc(l.password)}</label>
    <input type="password" id="password" name="password" autocomplete="current-password" required${options.failed ? ' aria-invalid="true"' : ''}>
  </div>
  <button type="submit" class="btn btn-dark" data-testid="sign-in">${esc(l.signIn)}</button>
</form>
<div class="links"><a href="/login">${esc(l.forgotPassword)}</a>
<form method="post" action="/settings/language"><input type="hidden" name="next" value="/login?next=${esc(encodeURIComponent(next))}">
<select name="lang" aria-label="${esc(l.language)}" data-autosubmit>${languages
      .map(
        (code) =>
          `<option value="${code}" lang="${code}"${code === language ? ' selected' : ''}>${esc(labels[code].languageName)}</option>`,
      )
      .join('')}</select></form></div>`,
    brand,
  );
}
