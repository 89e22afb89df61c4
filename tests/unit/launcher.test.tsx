// @vitest-environment happy-dom
// (renders the launcher into a document)
import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LAUNCHER_HOST, mountLauncher } from '../../lib/banqup-page/launcher/launcher';
import { openUi } from './open-ui';

describe('launcher', () => {
  it('mounts one shadow-root host and removes it on teardown', async () => {
    document.documentElement.lang = 'pt';
    const ctx = new ContentScriptContext('banqup');
    const launcher = await mountLauncher(ctx, { onOpen: () => undefined, ...openUi });
    const host = document.querySelector(LAUNCHER_HOST);
    expect(host).not.toBeNull();
    const button = host!.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Abrir o guia de configuração do Yokoy');
    expect(launcher.button()).toBe(button);
    launcher.remove();
    expect(document.querySelector(LAUNCHER_HOST)).toBeNull();
  });

  it('is removed when the content script context is invalidated', async () => {
    const ctx = new ContentScriptContext('banqup');
    await mountLauncher(ctx, { onOpen: () => undefined, ...openUi });
    expect(document.querySelectorAll(LAUNCHER_HOST)).toHaveLength(1);
    ctx.abort('extension reloaded');
    expect(document.querySelector(LAUNCHER_HOST)).toBeNull();
  });
});

describe('launcher, as shipped', () => {
  it('lives in a closed shadow root: the page sees the host and nothing inside it', async () => {
    const ctx = new ContentScriptContext('banqup');
    const launcher = await mountLauncher(ctx, { onOpen: () => undefined });
    const host = document.querySelector(LAUNCHER_HOST)!;
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames().filter((n) => n !== 'style')).toEqual([]);
    expect(launcher.button()?.textContent).toBeTruthy();
    launcher.remove();
  });
});
