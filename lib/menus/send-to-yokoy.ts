/**
 * The "Send to Yokoy" context-menu item, shown on Banqup pages only. What it sends is the
 * export pipeline's job; here it is registered and its clicks are handed on.
 */
import type { Browser } from 'wxt/browser';
import { productionHostPatterns, sandboxHostPatterns } from '../sites/hosts';

export const SEND_TO_YOKOY_MENU_ID = 'send-to-yokoy';

export interface MenuEnv {
  contextMenus: Pick<typeof Browser.contextMenus, 'create' | 'removeAll'>;
  sandbox: boolean;
  title: string;
}

export function banqupDocumentPatterns(sandbox: boolean): string[] {
  return [...productionHostPatterns.banqup, ...(sandbox ? [sandboxHostPatterns.banqup] : [])];
}

export async function registerSendToYokoyMenu(env: MenuEnv): Promise<void> {
  await env.contextMenus.removeAll();
  env.contextMenus.create({
    id: SEND_TO_YOKOY_MENU_ID,
    title: env.title,
    contexts: ['page', 'link', 'selection'],
    documentUrlPatterns: banqupDocumentPatterns(env.sandbox),
  });
}
