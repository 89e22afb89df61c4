/**
 * One credential field with its live check: a paste is cleaned at once (label, quotes,
 * whitespace) and says what it removed; typing is checked without rewriting under the cursor.
 */
import type { ComponentChildren } from 'preact';
import { checkCredential, type CheckContext, type CredentialField } from '../lib/credentials/clean';
import { describeFinding } from '../lib/credentials/describe';
import type { MessageKey } from '../lib/i18n/app';

type T = (key: MessageKey, params?: Record<string, string>) => string;

export interface CredentialInputProps {
  t: T;
  field: CredentialField;
  label: string;
  value: string;
  onValue: (value: string, note?: string) => void;
  note?: string;
  context: CheckContext;
  type?: 'text' | 'password';
  placeholder?: string;
  /** Show "Required." only once the user tried to submit. */
  showEmpty: boolean;
  children?: ComponentChildren;
}

export function CredentialInput(props: CredentialInputProps) {
  const { t, field, value } = props;
  const id = `field-${field}`;
  const checked = value ? checkCredential(field, value, props.context) : undefined;
  const errors = checked?.errors ?? [];
  const warnings = checked?.warnings ?? [];
  const messages = [
    ...errors.map((f) => ({ tone: 'error', text: describeFinding(t, field, f) })),
    ...warnings.map((f) => ({ tone: 'warning', text: describeFinding(t, field, f) })),
    ...(props.note ? [{ tone: 'note', text: props.note }] : []),
    ...(!value && props.showEmpty && !props.placeholder ? [{ tone: 'error', text: t('checkEmpty') }] : []),
  ];
  return (
    <div class="field" data-field={field}>
      <label for={id}>{props.label}</label>
      <div class="field-row">
        <input
          id={id}
          name={field}
          // Preact's types pair `type` with the attributes it allows; both kinds take the same ones here.
          type={(props.type ?? 'text') as 'text'}
          value={value}
          placeholder={props.placeholder}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={errors.length > 0 || (!value && props.showEmpty && !props.placeholder) ? 'true' : undefined}
          aria-describedby={`${id}-messages`}
          onInput={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)}
          onPaste={(e) => {
            const text = e.clipboardData?.getData('text');
            if (text === undefined) return;
            e.preventDefault();
            const cleaned = checkCredential(field, text, props.context);
            props.onValue(cleaned.value, cleaned.fixes.map((f) => describeFinding(t, field, f)).join(' ') || undefined);
          }}
        />
        {props.children}
      </div>
      <div id={`${id}-messages`} class="messages" aria-live="polite" data-testid={`${field}-messages`}>
        {messages.map((m) => (
          <p class={`message ${m.tone}`} data-tone={m.tone}>
            {m.text}
          </p>
        ))}
      </div>
    </div>
  );
}
