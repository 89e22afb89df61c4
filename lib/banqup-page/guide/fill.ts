/**
 * Puts a vault value into Banqup's field the way a user's typing would: through the native
 * value setter (frameworks that track the property notice) and `input` + `change` events
 * (Banqup autosaves on change). The secret goes only into a password field on a Banqup origin,
 * and only into Banqup's own Yokoy connection form as the site data knows it (`formRefusal`).
 */
import { banqupControls, banqupScreens } from '../../sites/banqup/wizard';
import { accessibleName, normalize } from '../../in-page/locate';
import { isBanqupHost } from '../../sites/hosts';
import type { VaultField } from '../../sites/banqup/setup-steps';

export type FillRefusal = 'not-a-field' | 'not-a-password-field' | 'not-banqup';

/** Why a value may not go into this element on this page; undefined when it may. */
export function fillRefusal(
  field: VaultField,
  el: Element | undefined,
  location: Pick<Location, 'hostname' | 'protocol'>,
  sandbox: boolean,
): FillRefusal | undefined {
  if (!isBanqupHost(location.hostname, location.protocol, sandbox)) return 'not-banqup';
  if (el?.tagName !== 'INPUT') return 'not-a-field';
  const type = (el as HTMLInputElement).type;
  if (field === 'clientSecret' ? type !== 'password' : type === 'password') return 'not-a-password-field';
  return undefined;
}

export type FormRefusal = 'not-setup-page' | 'field-changed' | 'not-banqup-field' | 'not-unique' | 'form-leaves-banqup' | 'hidden';

export interface FormContext {
  location: Pick<Location, 'pathname' | 'href' | 'origin'>;
  /** The field the guide located when it arrived at this step (what the user was shown). */
  watched?: Element;
}

/**
 * Why a value may not go into this field of this page, beyond `fillRefusal` (issue 12): a page
 * script can add a form of its own anywhere on Banqup to catch the secret. So the field must be
 * on Banqup's setup page for Yokoy (the site data's path of the "yokoy" screen), be the one the
 * guide located when it arrived at the step (not one added or swapped in since), match the
 * site data's own selector and label for the secret and be the only password field on the page, sit in
 * a form that posts to the Banqup origin itself (no `action` or `formaction` elsewhere), and
 * be shown. The DOM is read from the content script's isolated world: the page's expandos and
 * prototype changes do not reach these reads, and attributes are read, not clobberable
 * properties (`form.action` may be an `<input name="action">`).
 */
export function formRefusal(field: VaultField, el: HTMLInputElement, context: FormContext): FormRefusal | undefined {
  const { location } = context;
  const setup = banqupScreens.find((s) => s.id === 'yokoy');
  if (!setup?.paths.some((p) => p.test(location.pathname))) return 'not-setup-page';
  if (!context.watched || context.watched !== el || !el.isConnected) return 'field-changed';
  const doc = el.ownerDocument;
  if (field === 'clientSecret') {
    // Banqup's real field has no attribute of ours to trust (lib/sites/banqup/wizard.ts), so it must be
    // a password field the site data names by its label, in any of Banqup's languages.
    const secret = banqupControls.clientSecret;
    const names = new Set(Object.values(secret.labels).flat().map(normalize));
    if (!secret.selectors.some((s) => el.matches(s)) || !names.has(normalize(accessibleName(el)))) return 'not-banqup-field';
    if (doc.querySelectorAll('input[type="password"]').length !== 1) return 'not-unique';
  }
  const form = el.form;
  if (form) {
    const leaves = (value: string | null) => {
      if (value === null) return false;
      try {
        return new URL(value, location.href).origin !== location.origin;
      } catch {
        return true;
      }
    };
    if (leaves(form.getAttribute('action'))) return 'form-leaves-banqup';
    const submitters = [
      ...form.querySelectorAll('[formaction]'),
      ...(form.id ? doc.querySelectorAll(`[form="${CSS.escape(form.id)}"][formaction]`) : []),
    ];
    if (submitters.some((b) => leaves(b.getAttribute('formaction')))) return 'form-leaves-banqup';
  }
  const view = doc.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return 'hidden';
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden' || (style.opacity !== '' && Number(style.opacity) < 0.1)))
      return 'hidden';
  }
  return undefined;
}

export function setValueLikeUser(input: HTMLInputElement, value: string): void {
  const view = input.ownerDocument.defaultView;
  const setter = view && Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A12: picks the legal entity chosen in the popup in Banqup's drop-down (by id, else by name). */
export function selectOption(select: HTMLSelectElement, entity: { id: string; name: string }): boolean {
  const options = [...select.options];
  const option = options.find((o) => o.value === entity.id) ?? options.find((o) => o.textContent?.trim() === entity.name);
  if (!option) return false;
  select.value = option.value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
