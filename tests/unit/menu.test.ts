import { describe, expect, it } from 'vitest';
import { banqupDocumentPatterns, registerSendToYokoyMenu, SEND_TO_YOKOY_MENU_ID } from '../../lib/menus/send-to-yokoy';

// WXT's fake browser has no contextMenus: this one API is stubbed with a recorder.
function recordingMenus() {
  const items = new Map<string, unknown>();
  return {
    items,
    api: {
      removeAll: async () => items.clear(),
      create: (props: { id?: string }) => {
        items.set(props.id!, props);
        return props.id!;
      },
    } as never,
  };
}

describe('Send to Yokoy menu', () => {
  it('is shown on Banqup pages only, and on the sandbox only in the sandbox build', async () => {
    const menus = recordingMenus();
    await registerSendToYokoyMenu({ contextMenus: menus.api, sandbox: false, title: 'Send to Yokoy' });
    expect(menus.items.get(SEND_TO_YOKOY_MENU_ID)).toMatchObject({ title: 'Send to Yokoy', documentUrlPatterns: ['https://*.banqup.com/*'] });
    expect(banqupDocumentPatterns(true)).toContain('http://banqup.localhost/*');
  });

  it('registers once even when start-up runs twice', async () => {
    const menus = recordingMenus();
    await registerSendToYokoyMenu({ contextMenus: menus.api, sandbox: true, title: 'x' });
    await registerSendToYokoyMenu({ contextMenus: menus.api, sandbox: true, title: 'x' });
    expect(menus.items.size).toBe(1);
  });
});
