/** Filling Banqup's fields from the vault: the way frameworks notice, and only where allowed. */
import { describe, expect, it } from 'vitest';
import { fillRefusal, selectOption, setValueLikeUser } from '../../lib/guide/fill';

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
    select.innerHTML = '<option value="">Select…</option><option value="le-1">Acme Belgium NV</option><option value="other">Acme Portugal Lda</option>';
    let changes = 0;
    select.addEventListener('change', () => changes++);
    expect(selectOption(select, { id: 'le-1', name: 'whatever' })).toBe(true);
    expect(select.value).toBe('le-1');
    expect(selectOption(select, { id: 'le-2', name: 'Acme Portugal Lda' })).toBe(true);
    expect(select.value).toBe('other');
    expect(selectOption(select, { id: 'nope', name: 'Nope' })).toBe(false);
    expect(changes).toBe(2);
  });
});
