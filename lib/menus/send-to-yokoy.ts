/**
 * The context-menu items on Banqup pages: "Send to Yokoy" (the invoice under the pointer, or
 * the one whose page is open) and "Send N selected invoices to Yokoy", shown while invoices are
 * ticked in the list. Registration is pure over the contextMenus API it is given.
 */
import type { Browser } from 'wxt/browser';
import { productionHostPatterns, sandboxHostPatterns } from '../sites/hosts';

export const SEND_TO_YOKOY_MENU_ID = 'send-to-yokoy';
export const SEND_SELECTED_MENU_ID = 'send-selected-to-yokoy';

export interface MenuEnv {
  contextMenus: Pick<typeof Browser.contextMenus, 'create' | 'removeAll'>;
  sandbox: boolean;
  title: string;
  selectedTitle: string;
}

export function banqupDocumentPatterns(sandbox: boolean): string[] {
  return [...productionHostPatterns.banqup, ...(sandbox ? [sandboxHostPatterns.banqup] : [])];
}

export async function registerSendToYokoyMenu(env: MenuEnv): Promise<void> {
  await env.contextMenus.removeAll();
  const documentUrlPatterns = banqupDocumentPatterns(env.sandbox);
  env.contextMenus.create({ id: SEND_TO_YOKOY_MENU_ID, title: env.title, contexts: ['page', 'link'], documentUrlPatterns });
  env.contextMenus.create({
    id: SEND_SELECTED_MENU_ID,
    title: env.selectedTitle,
    contexts: ['page', 'link'],
    documentUrlPatterns,
    visible: false,
  });
}
