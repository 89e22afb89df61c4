/**
 * The toolbar badge says the connection's state at a glance: nothing while not set up, a
 * green check when verified, a red "!" when failing, an amber "?" when saved but unverified.
 */
import { browser } from 'wxt/browser';
import type { ConnectionState } from '../messaging/protocol';
import { credentialsItem } from '../settings/items';
import { deriveConnection } from './state';

export function badgeFor(connection: ConnectionState): { text: string; color: string } {
  switch (connection.state) {
    case 'verified':
      return { text: '✓', color: '#15803d' };
    case 'failing':
      return { text: '!', color: '#b91c1c' };
    case 'unverified':
      return { text: '?', color: '#b45309' };
    default:
      return { text: '', color: '#64748b' };
  }
}

export function setupBadge(): void {
  const show = async () => {
    const { text, color } = badgeFor(deriveConnection(await credentialsItem.getValue()));
    await browser.action.setBadgeText({ text });
    await browser.action.setBadgeBackgroundColor({ color });
  };
  void show();
  credentialsItem.watch(() => void show());
}
