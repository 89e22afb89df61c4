// @vitest-environment happy-dom
// (an extension page: localStorage and the document's colour scheme)
/** The Appearance setting on an extension page: stored value applied, followed while open, and there at the next page's first paint. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { themeItem } from '../../lib/settings/items';
import { applyStoredTheme } from '../../lib/ui/theme';

describe('applyStoredTheme', () => {
  it('applies what the options page stored, follows changes, and starts the next page with it', async () => {
    localStorage.clear();
    await themeItem.setValue('dark');
    const root = document.createElement('html');
    const stop = applyStoredTheme(fakeBrowser.storage, root);
    expect(root.dataset.theme).toBeUndefined(); // nothing cached yet: the system's scheme until storage answers
    await vi.waitFor(() => expect(root.dataset.theme).toBe('dark'));

    await themeItem.setValue('light');
    await vi.waitFor(() => expect(root.dataset.theme).toBe('light'));
    await themeItem.setValue('system');
    await vi.waitFor(() => expect(root.dataset.theme).toBeUndefined());
    await themeItem.setValue('dark');
    await vi.waitFor(() => expect(root.dataset.theme).toBe('dark'));
    stop();

    // The next page paints dark at once, before storage answers.
    const next = document.createElement('html');
    applyStoredTheme({ ...fakeBrowser.storage, local: { get: () => new Promise(() => undefined) } } as never, next);
    expect(next.dataset.theme).toBe('dark');
  });

  it('ignores a value that is not a theme', async () => {
    await fakeBrowser.storage.local.set({ theme: 'purple' });
    const root = document.createElement('html');
    root.dataset.theme = 'dark';
    applyStoredTheme(fakeBrowser.storage, root);
    await vi.waitFor(() => expect(root.dataset.theme).toBeUndefined());
  });
});
