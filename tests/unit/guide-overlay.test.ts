// @vitest-environment happy-dom
// (draws the overlay into a document and waits on animation frames)
/**
 * The guide's overlay on a recorded Banqup page (happy-dom): what the user reads, the
 * keyboard, fill from the vault, focus restored on close, and nothing left behind.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { openUi } from './open-ui';
import { GUIDE_HOST } from '../../lib/banqup-page/guide/guide';
import { lazyGuide, type GuideModule } from '../../lib/banqup-page/guide/loader';
import type { GuideContextAnswer } from '../../lib/messaging/protocol';

const context: GuideContextAnswer = {
  connection: { state: 'verified', organizationId: 'o7Hq2LmXc9RtV4bN1sKd' },
  available: { clientId: true, clientSecret: true, organizationId: false },
  legalEntities: [
    { id: 'le-1', name: 'Acme Belgium NV' },
    { id: 'le-2', name: 'Acme Portugal Lda' },
  ] as GuideContextAnswer['legalEntities'],
  legalEntityId: 'le-2',
};
const asked: unknown[] = [];
const ask = (async (request: { type: string; field?: string }) => {
  asked.push(request);
  if (request.type === 'guide.context') return { ok: true, value: context };
  if (request.type === 'fill.value')
    return { ok: true, value: { value: request.field === 'clientId' ? 'sandbox-ready-client' : undefined } };
  return { ok: true, value: { opened: true } };
}) as never;

function showPage(file: string, path: string) {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures/banqup-dom', file), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.lang = parsed.documentElement.lang;
  document.body.innerHTML = parsed.body.innerHTML;
  history.replaceState(null, '', path);
}
// Through the loader, as the content script does (there the module comes from the extension).
const load = (): Promise<GuideModule> => import('../../lib/banqup-page/guide/guide');
const createGuide = (ctx: ContentScriptContext, env: { ask: never; sandbox: boolean; win?: Window }) =>
  lazyGuide(ctx, { ...env, ...openUi }, load);
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const shadow = () => document.querySelector(GUIDE_HOST)?.shadowRoot;
const text = (selector: string) => shadow()?.querySelector(selector)?.textContent;
const press = (key: string, target: EventTarget = shadow()!.querySelector('.panel')!) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));

describe('the guide overlay', () => {
  afterEach(() => {
    sessionStorage.clear();
    asked.length = 0;
  });

  it('shows the step the page is at, in the page’s language, and follows the keyboard', async () => {
    showPage('pt/A3.html', '/apps/accounting/connection');
    const ctx = new ContentScriptContext('banqup');
    const opener = document.body.appendChild(document.createElement('button'));
    opener.focus();
    const guide = createGuide(ctx, { ask, sandbox: true });
    await guide.open();
    expect(text('[data-testid="guide-progress"]')).toBe('Passo 3 de 14');
    expect(text('#guide-title')).toBe('Ativar a conexão on-line');
    expect(text('#guide-body')).toContain('Defina “Conexão on-line” como “Ativado” e clique em “Seguinte”');
    const dialog = shadow()!.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('guide-title');
    expect(shadow()!.querySelector('[aria-live="polite"]')).not.toBeNull();
    expect(shadow()!.querySelector('[data-testid="guide-highlight"]')!.hasAttribute('hidden')).toBe(false);
    expect(JSON.parse(sessionStorage.getItem('yokoy-companion-guide')!).open).toBe(true);

    press('ArrowRight');
    expect(text('[data-testid="guide-progress"]')).toBe('Passo 4 de 14');
    expect(text('.more')).toContain('Está no passo 3.');
    press('ArrowLeft');
    expect(text('[data-testid="guide-progress"]')).toBe('Passo 3 de 14');

    // The page acts (the switch goes on): the highlight moves to "Seguinte", same step.
    document.querySelector('[role="switch"]')!.setAttribute('aria-checked', 'true');
    await frame();
    await frame();
    expect(shadow()!.querySelector('[data-testid="guide-panel"]')!.getAttribute('data-state')).toBe('found');

    press('Escape');
    expect(document.querySelector(GUIDE_HOST)).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(sessionStorage.getItem('yokoy-companion-guide')).toBeNull();
  });

  it('fills a field from the vault on click, and offers the capture path for a missing value', async () => {
    showPage('en/A6.html', '/apps/accounting/yokoy');
    history.replaceState(null, '', '/apps/accounting/yokoy');
    const ctx = new ContentScriptContext('banqup');
    const guide = createGuide(ctx, {
      ask,
      sandbox: true,
      win: Object.create(window, { location: { value: new URL('http://banqup.localhost/apps/accounting/yokoy') } }),
    });
    await guide.open();
    await frame();
    expect(text('#guide-title')).toBe('Enter the client ID');
    expect(text('[data-testid="guide-verified"]')).toContain('verified these three values');
    const field = document.querySelector<HTMLInputElement>('[data-qa="yokoy-client-id"]')!;
    let changed = false;
    field.addEventListener('change', () => (changed = true));
    shadow()!.querySelector<HTMLButtonElement>('[data-key="fill-clientId"]')!.click();
    await frame();
    await frame();
    expect(asked).toContainEqual({ type: 'fill.value', field: 'clientId' });
    expect(field.value).toBe('sandbox-ready-client');
    expect(changed).toBe(true);
    expect(text('#guide-title')).toBe('Enter the client secret');
    ctx.abort('done');
    expect(document.querySelector(GUIDE_HOST)).toBeNull();
  });

  it('words only, with “I’ve done this”, when the control is gone', async () => {
    showPage('fr/A4.html', '/apps/accounting/export');
    document.querySelector('[role="radiogroup"]')!.remove();
    const ctx = new ContentScriptContext('banqup');
    const guide = createGuide(ctx, { ask, sandbox: true });
    await guide.open();
    expect(shadow()!.querySelector('[data-testid="guide-panel"]')!.getAttribute('data-state')).toBe('missing');
    expect(text('.more')).toContain('Je ne trouve pas « Export des factures pour la comptabilité »');
    expect(shadow()!.querySelector('[data-testid="guide-highlight"]')!.hasAttribute('hidden')).toBe(true);
    shadow()!.querySelector<HTMLButtonElement>('[data-key="ack"]')!.click();
    expect(shadow()!.querySelector('[data-testid="guide-panel"]')!.getAttribute('data-state')).toBe('found');
    expect(text('#guide-title')).toBe('Exporter les factures');
    guide.close();
  });
});
