/**
 * Tabs a content script asks for (the guide's "Open Yokoy", "Export earlier invoices"): only
 * from the tab in front (a background page has no user at it) and at most one every few
 * seconds, a handful a minute. The button's own gate already demands the user's click
 * (lib/in-page/trusted.ts); this is the worker's half, so a page that got past it still
 * cannot open tabs without limit (issue 12).
 */
export interface TabLimit {
  /** Whether a content script's request from this tab may open a tab now (counts it when yes). */
  allow(sender: { tab?: { active?: boolean } }): boolean;
}

export function createTabLimit(now: () => number, { gapMs = 2_000, perMinute = 5 } = {}): TabLimit {
  let opened: number[] = [];
  return {
    allow(sender) {
      if (sender.tab?.active === false) return false;
      const t = now();
      opened = opened.filter((at) => t - at < 60_000);
      const last = opened.at(-1);
      if ((last !== undefined && t - last < gapMs) || opened.length >= perMinute) return false;
      opened.push(t);
      return true;
    },
  };
}
