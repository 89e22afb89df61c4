/**
 * Puts a vault value into Banqup's field the way a user's typing would: through the native
 * value setter (frameworks that track the property notice) and `input` + `change` events
 * (Banqup autosaves on change). The secret goes only into a password field on a Banqup origin.
 */
import { isBanqupHost } from '../sites/hosts';
import type { VaultField } from './steps';

export type FillRefusal = 'not-a-field' | 'not-a-password-field' | 'not-banqup';

/** Why a value may not go into this element on this page; undefined when it may. */
export function fillRefusal(field: VaultField, el: Element | undefined, location: Pick<Location, 'hostname' | 'protocol'>, sandbox: boolean): FillRefusal | undefined {
  if (!isBanqupHost(location.hostname, location.protocol, sandbox)) return 'not-banqup';
  if (!el || el.tagName !== 'INPUT') return 'not-a-field';
  const type = (el as HTMLInputElement).type;
  if (field === 'clientSecret' ? type !== 'password' : type === 'password') return 'not-a-password-field';
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
