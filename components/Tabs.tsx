/** Accessible tabs (WAI-ARIA pattern): arrows move between tabs, the panel follows. */
import type { ComponentChildren } from 'preact';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
}

export function Tabs<K extends string>(props: {
  tabs: TabSpec<K>[];
  current: K;
  onChange: (key: K) => void;
  /** The pointer or focus reached a tab: a panel loaded on demand can start loading before the click. */
  onIntent?: (key: K) => void;
  /** The panel's content is still loading (a chunk on its way). */
  busy?: boolean;
  children: ComponentChildren;
}) {
  const { tabs, current, onChange } = props;
  const move = (delta: number) => {
    const i = tabs.findIndex((t) => t.key === current);
    const next = tabs[(i + delta + tabs.length) % tabs.length]!;
    onChange(next.key);
    requestAnimationFrame(() => document.getElementById(`tab-${next.key}`)?.focus());
  };
  return (
    <>
      <div role="tablist" class="tabs">
        {tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={tab.key === current ? 'true' : 'false'}
            aria-controls={`panel-${tab.key}`}
            tabIndex={tab.key === current ? 0 : -1}
            onClick={() => onChange(tab.key)}
            onPointerEnter={() => props.onIntent?.(tab.key)}
            onFocus={() => props.onIntent?.(tab.key)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(1);
              if (e.key === 'ArrowLeft') move(-1);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} aria-busy={props.busy ? 'true' : undefined}>
        {props.children}
      </div>
    </>
  );
}
