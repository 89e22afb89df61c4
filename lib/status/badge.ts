/**
 * The toolbar badge says at a glance what matters most: while an export runs, how many
 * invoices are left (blue); otherwise the connection: nothing while not set up, a green check
 * when verified, a red "!" when failing, an amber "?" when saved but unverified.
 */
import type { ConnectionState } from '../connection/messages';
import { credentialsItem } from '../settings/items';
import { deriveConnection } from '../connection/state';
import type { WorkerBrowser } from '../runtime/worker-env';

export function badgeFor(connection: ConnectionState, remaining = 0): { text: string; color: string } {
  if (remaining > 0) return { text: remaining > 999 ? '999+' : String(remaining), color: '#1d4ed8' };
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

/**
 * Keeps the badge in step with the connection (watched here) and the export's remaining count
 * (told through `show`, by the export's progress): it reads no queue itself.
 */
export function setupBadge(browser: Pick<WorkerBrowser, 'action'>): { show(remaining: number): Promise<void> } {
  let last = '';
  let remaining = 0;
  const refresh = async () => {
    const { text, color } = badgeFor(deriveConnection(await credentialsItem.getValue()), remaining);
    if (`${text}|${color}` === last) return;
    last = `${text}|${color}`;
    await browser.action.setBadgeText({ text });
    await browser.action.setBadgeBackgroundColor({ color });
  };
  credentialsItem.watch(() => void refresh());
  return {
    show(count) {
      remaining = count;
      return refresh();
    },
  };
}
