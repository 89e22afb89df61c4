import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { LAUNCHER_HOST, mountLauncher } from '../../lib/overlay/launcher';

describe('launcher', () => {
  it('mounts one shadow-root host and removes it on teardown', async () => {
    document.documentElement.lang = 'pt';
    const ctx = new ContentScriptContext('banqup');
    const teardown = await mountLauncher(ctx, { onOpen: () => undefined, createShadowRootUi });
    const host = document.querySelector(LAUNCHER_HOST);
    expect(host).not.toBeNull();
    const button = host!.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Abrir o guia de configuração do Yokoy');
    teardown();
    expect(document.querySelector(LAUNCHER_HOST)).toBeNull();
  });

  it('is removed when the content script context is invalidated', async () => {
    const ctx = new ContentScriptContext('banqup');
    await mountLauncher(ctx, { onOpen: () => undefined, createShadowRootUi });
    expect(document.querySelectorAll(LAUNCHER_HOST)).toHaveLength(1);
    ctx.abort('extension reloaded');
    expect(document.querySelector(LAUNCHER_HOST)).toBeNull();
  });
});
