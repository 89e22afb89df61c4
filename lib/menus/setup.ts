/** Registers the context menu on install/start-up and routes its clicks. */
import { browser } from 'wxt/browser';
import { pickLanguage, translate } from '../i18n';
import { isSandboxBuild } from '../runtime/env';
import { registerSendToYokoyMenu, SEND_TO_YOKOY_MENU_ID } from './send-to-yokoy';

export interface MenuClick {
  pageUrl?: string;
  linkUrl?: string;
}

/** What a click does is the export pipeline's (a later issue); it is handed on here. */
export function setupContextMenu(onSendToYokoy: (click: MenuClick) => void | Promise<void>): void {
  const register = () =>
    registerSendToYokoyMenu({
      contextMenus: browser.contextMenus,
      sandbox: isSandboxBuild,
      title: translate(pickLanguage(browser.i18n.getUILanguage()), 'menuSendToYokoy'),
    });
  browser.runtime.onInstalled.addListener(() => void register());
  browser.runtime.onStartup.addListener(() => void register());
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === SEND_TO_YOKOY_MENU_ID) void onSendToYokoy({ pageUrl: info.pageUrl, linkUrl: info.linkUrl });
  });
}
