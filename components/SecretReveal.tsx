/**
 * "Hold to show": the secret is visible only while the button is pressed (pointer or
 * Space/Enter held), then masked again. The stored secret is asked of the service worker only
 * at that moment and dropped from memory on release.
 */
import { useState } from 'preact/hooks';

type Props = { label: string; onReveal: () => Promise<void>; onHide: () => void };

export function SecretReveal({ label, onReveal, onHide }: Props) {
  const [pressed, setPressed] = useState(false);
  const press = () => {
    if (pressed) return;
    setPressed(true);
    void onReveal();
  };
  const release = () => {
    if (!pressed) return;
    setPressed(false);
    onHide();
  };
  return (
    <button
      type="button"
      class="reveal"
      aria-label={label}
      title={label}
      aria-pressed={pressed ? 'true' : 'false'}
      data-testid="reveal-secret"
      onPointerDown={press}
      onPointerUp={release}
      onPointerLeave={release}
      onBlur={release}
      onKeyDown={(e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          press();
        }
      }}
      onKeyUp={(e) => {
        if (e.key === ' ' || e.key === 'Enter') release();
      }}
    >
      <span aria-hidden="true">{pressed ? '◉' : '◎'}</span>
    </button>
  );
}
