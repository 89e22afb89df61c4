/**
 * Registers the context menu on install/start-up, keeps the "N selected" item in step with the
 * ticked invoices of the tab in front, and turns clicks into document ids for the export.
 * The Banqup content script reports its ticked rows when they change and when its tab comes to
 * the front, so the worker needs no tabs.onActivated/onRemoved listener: those would wake it
 * on every tab switch anywhere in the browser (issue 7: no cost where the extension has no work).
 * Items show on Banqup pages only (documentUrlPatterns).
 */
import { documentIdFromUrl } from '../sites/banqup/urls';
import { browserText } from '../i18n/browser';
import type { Handlers } from '../messaging/router';
import type { WorkerEnv } from '../runtime/worker-env';
import { registerSendToYokoyMenu, SEND_SELECTED_MENU_ID, SEND_TO_YOKOY_MENU_ID } from './send-to-yokoy';

export interface MenuClickInfo {
  menuItemId: string | number;
  pageUrl?: string;
  linkUrl?: string;
}

/** What a click sends: the linked invoice, else the open invoice page; or the tab's selection. */
export function documentsForClick(info: MenuClickInfo, selection: readonly string[]): string[] {
  if (info.menuItemId === SEND_SELECTED_MENU_ID) return [...selection];
  const id = documentIdFromUrl(info.linkUrl) ?? documentIdFromUrl(info.pageUrl);
  return id ? [id] : [...selection];
}

/**
 * `send`: what a click does with its documents (the export's queue). The menu also answers
 * `export.selection`, the Banqup content script's report of its ticked rows.
 */
export function setupContextMenu(env: Pick<WorkerEnv, 'browser' | 'sandbox'>, send: (documentIds: string[], tabId?: number) => unknown) {
  const { browser } = env;
  // Per tab; a closed tab's entry goes when the worker does (it is not woken to tidy up).
  const selections = new Map<number, string[]>();
  let activeTab: number | undefined;

  const register = () =>
    registerSendToYokoyMenu({
      contextMenus: browser.contextMenus,
      sandbox: env.sandbox,
      title: browserText('menuSendToYokoy'),
      selectedTitle: browserText('menuSendSelected', [0]),
    });
  const showSelection = async () => {
    const count = activeTab === undefined ? 0 : (selections.get(activeTab)?.length ?? 0);
    await browser.contextMenus
      .update(SEND_SELECTED_MENU_ID, { visible: count > 0, title: browserText('menuSendSelected', [count]) })
      .catch(() => undefined);
  };

  browser.runtime.onInstalled.addListener(() => void register());
  browser.runtime.onStartup.addListener(() => void register());
  const onClicked = (info: MenuClickInfo, tab?: { id?: number }) => {
    if (info.menuItemId !== SEND_TO_YOKOY_MENU_ID && info.menuItemId !== SEND_SELECTED_MENU_ID) return;
    const ids = documentsForClick(info, (tab?.id !== undefined && selections.get(tab.id)) || []);
    if (ids.length) return send(ids, tab?.id);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => void onClicked(info, tab));

  const handlers: Pick<Handlers, 'export.selection'> = {
    // The Banqup content script reports the ticked invoices of its tab (changed, or tab in front).
    'export.selection': async ({ documentIds }, sender) => {
      if (sender.tab?.id !== undefined) {
        selections.set(sender.tab.id, documentIds);
        activeTab = sender.tab.id;
        void showSelection();
      }
      return { count: documentIds.length };
    },
  };

  return {
    /** The click handler itself (a test cannot click a real context menu). */
    onClicked,
    handlers,
    /** The ticked invoices the worker holds for a tab (what "Send selected" would send). */
    selection: (tabId: number): string[] => [...(selections.get(tabId) ?? [])],
  };
}
