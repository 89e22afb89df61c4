import { describe, expect, it } from 'vitest';
import { documentsForClick } from '../../lib/menus/setup';
import {
  banqupDocumentPatterns,
  registerSendToYokoyMenu,
  SEND_SELECTED_MENU_ID,
  SEND_TO_YOKOY_MENU_ID,
} from '../../lib/menus/send-to-yokoy';

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
    await registerSendToYokoyMenu({ contextMenus: menus.api, sandbox: false, title: 'Send to Yokoy', selectedTitle: 'Send 0 selected' });
    expect(menus.items.get(SEND_TO_YOKOY_MENU_ID)).toMatchObject({
      title: 'Send to Yokoy',
      documentUrlPatterns: ['https://app.banqup.com/*', 'https://app.btx.banqup.com/*'],
    });
    expect(banqupDocumentPatterns(true)).toContain('http://banqup.localhost/*');
  });

  it('registers once even when start-up runs twice', async () => {
    const menus = recordingMenus();
    await registerSendToYokoyMenu({ contextMenus: menus.api, sandbox: true, title: 'x', selectedTitle: 'y' });
    await registerSendToYokoyMenu({ contextMenus: menus.api, sandbox: true, title: 'x', selectedTitle: 'y' });
    expect(menus.items.size).toBe(2);
    expect(menus.items.get(SEND_SELECTED_MENU_ID)).toMatchObject({ visible: false });
  });
});

describe('what a menu click sends', () => {
  const a = '0b6f1e4c-5a7d-4e1f-9c2b-1a2b3c4d5e6f';
  const b = '1c7f2e5d-6b8e-4f20-8d3c-2b3c4d5e6f70';
  it('the invoice under the pointer first', () => {
    expect(
      documentsForClick(
        {
          menuItemId: SEND_TO_YOKOY_MENU_ID,
          linkUrl: `https://app.banqup.com/documents/${a}`,
          pageUrl: `https://app.banqup.com/documents/${b}`,
        },
        [],
      ),
    ).toEqual([a]);
  });
  it('else the invoice whose page is open', () => {
    expect(documentsForClick({ menuItemId: SEND_TO_YOKOY_MENU_ID, pageUrl: `https://app.banqup.com/documents/${b}?tab=pdf` }, [])).toEqual([
      b,
    ]);
  });
  it('the ticked invoices for the "selected" item', () => {
    expect(documentsForClick({ menuItemId: SEND_SELECTED_MENU_ID, linkUrl: `https://app.banqup.com/documents/${a}` }, [a, b])).toEqual([
      a,
      b,
    ]);
  });
  it('nothing from an unrelated link', () => {
    expect(
      documentsForClick(
        {
          menuItemId: SEND_TO_YOKOY_MENU_ID,
          linkUrl: 'https://evil.example/documents/not-a-uuid',
          pageUrl: 'https://app.banqup.com/purchases',
        },
        [],
      ),
    ).toEqual([]);
  });
});
