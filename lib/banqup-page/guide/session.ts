/**
 * Whether the guide is open, kept in the tab's sessionStorage (per origin, per tab) so a reload
 * or a round trip through Yokoy's sign-in reopens it where the user was; plus the steps the
 * user marked "I've done this". The worker's GUIDE_HASH (#yokoy-companion-guide) also opens it.
 */
import type { StepId } from '../../sites/banqup/setup-steps';

/** Same value as GUIDE_HASH in lib/tabs/open-pages.ts (a unit test pins it); not imported, to keep the worker's modules out of the content script. */
export const GUIDE_HASH = '#yokoy-companion-guide';
const KEY = 'yokoy-companion-guide';

export interface GuideSession {
  open: boolean;
  acknowledged: StepId[];
}

export function readSession(storage: Storage | undefined): GuideSession {
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<GuideSession> | null;
    return {
      open: raw?.open === true,
      acknowledged: Array.isArray(raw?.acknowledged) ? raw.acknowledged.filter((s): s is StepId => /^A\d{1,2}$/.test(String(s))) : [],
    };
  } catch {
    return { open: false, acknowledged: [] };
  }
}

export function writeSession(storage: Storage | undefined, session: GuideSession): void {
  try {
    if (session.open || session.acknowledged.length) storage?.setItem(KEY, JSON.stringify(session));
    else storage?.removeItem(KEY);
  } catch {
    // Storage can be full or blocked; the guide still works, it just won't reopen by itself.
  }
}

/** True when the page was opened with the guide's hash; removes the hash so a reload relies on the session only. */
export function takeGuideHash(win: Pick<Window, 'location' | 'history'>): boolean {
  if (win.location.hash !== GUIDE_HASH) return false;
  const { pathname, search } = win.location;
  win.history.replaceState(win.history.state, '', pathname + search);
  return true;
}
