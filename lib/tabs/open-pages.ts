/** Opens the extension's views and Banqup's guide from the worker. */
import { browser } from 'wxt/browser';
import { isSandboxBuild } from '../runtime/env';
import { settingsItem } from '../settings/items';
import { isBanqupHost } from '../sites/hosts';

/** The hash that tells the Banqup content script to open the guide on arrival. */
export const GUIDE_HASH = '#yokoy-companion-guide';

export async function openGuide(): Promise<{ opened: 'existing-tab' | 'new-tab' | 'no-banqup-origin' }> {
  const tabs = await browser.tabs.query({});
  const banqupTabs = tabs.filter((t) => {
    try {
      const url = new URL(t.url ?? '');
      return isBanqupHost(url.hostname, url.protocol, isSandboxBuild);
    } catch {
      return false;
    }
  });
  const tab = banqupTabs.find((t) => t.active) ?? banqupTabs[0];
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    await browser.tabs.sendMessage(tab.id, { type: 'guide.open' }).catch(() => undefined);
    return { opened: 'existing-tab' };
  }
  const { banqupOrigin } = await settingsItem.getValue();
  if (!banqupOrigin) return { opened: 'no-banqup-origin' };
  await browser.tabs.create({ url: `${banqupOrigin}/${GUIDE_HASH}` });
  return { opened: 'new-tab' };
}

export async function openExportView(): Promise<{ opened: boolean }> {
  await browser.tabs.create({ url: browser.runtime.getURL('/popup.html?view=export') });
  return { opened: true };
}
