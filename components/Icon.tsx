/**
 * The few icons the pages use, inline (no icon font, no request). Always beside visible text or
 * inside a control that has its own accessible name, so they are hidden from assistive technology.
 */
const paths = {
  guide: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm3.5 6.5-2 5-5 2 2-5 5-2Z',
  settings:
    'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Zm8.4 4.6.1-1.1-.1-1.1 2-1.6-2-3.4-2.4 1a8 8 0 0 0-1.9-1.1L15.7 3h-3.9l-.4 2.7a8 8 0 0 0-1.9 1.1l-2.4-1-2 3.4 2 1.6-.1 1.1.1 1.1-2 1.6 2 3.4 2.4-1a8 8 0 0 0 1.9 1.1l.4 2.7h3.9l.4-2.7a8 8 0 0 0 1.9-1.1l2.4 1 2-3.4-2-1.6Z',
  send: 'M3 20.5 21 12 3 3.5l.01 6.6L15 12 3.01 13.9 3 20.5Z',
  download: 'M12 3v10m0 0 4-4m-4 4-4-4M4 17v3h16v-3',
  retry: 'M4 12a8 8 0 0 1 13.7-5.7L20 8.6M20 4v4.6h-4.6M20 12a8 8 0 0 1-13.7 5.7L4 15.4M4 20v-4.6h4.6',
} as const;

const stroked = new Set<keyof typeof paths>(['download', 'retry']);

export function Icon({ name }: { name: keyof typeof paths }) {
  const line = stroked.has(name);
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={paths[name]}
        fill={line ? 'none' : 'currentColor'}
        stroke={line ? 'currentColor' : 'none'}
        stroke-width={line ? 2 : undefined}
        stroke-linecap="round"
        stroke-linejoin="round"
        fill-rule={line ? undefined : 'evenodd'}
      />
    </svg>
  );
}
