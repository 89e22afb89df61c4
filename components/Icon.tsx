/**
 * The few icons the pages use, inline (no icon font, no request). Always beside visible text or
 * inside a control that has its own accessible name, so they are hidden from assistive technology.
 */
const paths = {
  guide: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm3.5 6.5-2 5-5 2 2-5 5-2Z',
  // Stroked: two sliders.
  settings: 'M4 7h9m4 0h3M4 17h3m4 0h9M15 4.5v5M9 14.5v5',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  const line = name === 'settings';
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={paths[name]}
        fill={line ? 'none' : 'currentColor'}
        stroke={line ? 'currentColor' : undefined}
        stroke-width={line ? 2 : undefined}
        stroke-linecap="round"
        fill-rule="evenodd"
      />
    </svg>
  );
}
