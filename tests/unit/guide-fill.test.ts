// @vitest-environment happy-dom
// (fills real input elements and listens for their events)
/** Filling Banqup's fields from the vault: the way frameworks notice, and only where allowed. */
import { describe, expect, it } from 'vitest';
import { fillRefusal, formRefusal, selectOption, setValueLikeUser } from '../../lib/banqup-page/guide/fill';

const banqup = { hostname: 'app.banqup.com', protocol: 'https:' };
const input = (type: string) => Object.assign(document.createElement('input'), { type });

describe('fill from the vault', () => {
  it('sets the value and fires input and change, as typing would', () => {
    const field = input('text');
    const seen: string[] = [];
    field.addEventListener('input', () => seen.push(`input:${field.value}`));
    field.addEventListener('change', () => seen.push(`change:${field.value}`));
    setValueLikeUser(field, 'client-123');
    expect(seen).toEqual(['input:client-123', 'change:client-123']);
  });

  it('puts the secret only into a password field, and on a Banqup origin only', () => {
    expect(fillRefusal('clientSecret', input('password'), banqup, false)).toBeUndefined();
    expect(fillRefusal('clientSecret', input('text'), banqup, false)).toBe('not-a-password-field');
    expect(fillRefusal('clientSecret', input('password'), { hostname: 'evil.example', protocol: 'https:' }, false)).toBe('not-banqup');
    expect(fillRefusal('clientSecret', input('password'), { hostname: 'banqup.localhost', protocol: 'http:' }, false)).toBe('not-banqup');
    expect(fillRefusal('clientSecret', input('password'), { hostname: 'banqup.localhost', protocol: 'http:' }, true)).toBeUndefined();
    expect(fillRefusal('clientId', input('password'), banqup, false)).toBe('not-a-password-field');
    expect(fillRefusal('clientId', document.createElement('div'), banqup, false)).toBe('not-a-field');
    expect(fillRefusal('organizationId', undefined, banqup, false)).toBe('not-a-field');
  });

  it('picks the legal entity chosen in the popup, by id or else by name', () => {
    const select = document.createElement('select');
    select.innerHTML =
      '<option value="">Select…</option><option value="le-1">Acme Belgium NV</option><option value="other">Acme Portugal Lda</option>';
    let changes = 0;
    select.addEventListener('change', () => changes++);
    expect(selectOption(select, { id: 'le-1', name: 'whatever' })).toBe(true);
    expect(select.value).toBe('le-1');
    expect(selectOption(select, { id: 'le-2', name: 'Acme Portugal Lda' })).toBe(true);
    expect(select.value).toBe('other');
    expect(selectOption(select, { id: 'nope', name: 'Nope' })).toBe(false);
    expect(changes).toBe(2);
  });

  describe('only into Banqup’s own Yokoy connection form (issue 12)', () => {
    const setupPage = new URL('https://app.banqup.com/apps/accounting/yokoy');
    const form = (html: string) => {
      document.body.innerHTML = html;
      return document.querySelector<HTMLInputElement>('input[type="password"]')!;
    };
    const banqupForm =
      '<form id="f"><input name="clientId"><label for="s">Yokoy client secret</label><input id="s" type="password" name="clientSecret"><input name="organizationId"></form>';

    it('fills the field the guide located, on the setup page', () => {
      const field = form(banqupForm);
      expect(formRefusal('clientSecret', field, { location: setupPage, watched: field })).toBeUndefined();
    });

    it('refuses another page, a field swapped in, a look-alike field, a second password field', () => {
      const field = form(banqupForm);
      expect(formRefusal('clientSecret', field, { location: new URL('https://app.banqup.com/purchases'), watched: field })).toBe(
        'not-setup-page',
      );
      expect(formRefusal('clientSecret', field, { location: setupPage, watched: undefined })).toBe('field-changed');
      expect(formRefusal('clientSecret', field, { location: setupPage, watched: document.createElement('input') })).toBe('field-changed');
      const lookalike = form('<form><input type="password" name="password"></form>');
      expect(formRefusal('clientSecret', lookalike, { location: setupPage, watched: lookalike })).toBe('not-banqup-field');
      const twice = form(banqupForm + '<form><input type="password" name="secret"></form>');
      expect(formRefusal('clientSecret', twice, { location: setupPage, watched: twice })).toBe('not-unique');
    });

    it('refuses a form that posts elsewhere, however it says so', () => {
      for (const html of [
        '<form action="https://evil.example/steal"><input type="password" name="clientSecret" aria-label="Yokoy client secret"></form>',
        '<form action="//evil.example/"><input type="password" name="clientSecret" aria-label="Yokoy client secret"></form>',
        '<form><input type="password" name="clientSecret" aria-label="Yokoy client secret"><button formaction="https://evil.example/">Go</button></form>',
        '<form id="w"><input type="password" name="clientSecret" aria-label="Yokoy client secret"></form><button form="w" formaction="https://evil.example/">Go</button>',
        // Clobbering: form.action would be this input, not the attribute.
        '<form action="https://evil.example/"><input name="action"><input type="password" name="clientSecret" aria-label="Yokoy client secret"></form>',
      ]) {
        const field = form(html);
        expect(formRefusal('clientSecret', field, { location: setupPage, watched: field }), html).toBe('form-leaves-banqup');
      }
      const same = form(
        '<form action="/api/v1/accounting/setup"><input type="password" name="clientSecret" aria-label="Yokoy client secret"></form>',
      );
      expect(formRefusal('clientSecret', same, { location: setupPage, watched: same })).toBeUndefined();
    });

    it('refuses a hidden field', () => {
      for (const html of [
        '<form hidden><input type="password" name="clientSecret" aria-label="Yokoy client secret"></form>',
        '<form style="display:none"><input type="password" name="clientSecret" aria-label="Yokoy client secret"></form>',
        '<div style="opacity:0"><form><input type="password" name="clientSecret" aria-label="Yokoy client secret"></form></div>',
        '<form><input type="password" name="clientSecret" aria-label="Yokoy client secret" style="visibility:hidden"></form>',
      ]) {
        const field = form(html);
        expect(formRefusal('clientSecret', field, { location: setupPage, watched: field }), html).toBe('hidden');
      }
    });
  });
});
