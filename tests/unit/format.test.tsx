// @vitest-environment happy-dom
// (number and date formats follow navigator.language)
/**
 * Amounts, dates and plural forms as a user reads them in each of the five languages, taken
 * from the rendered views (History, Export, progress) with the real catalogues; plus the
 * formatting module's rules on its own (locale choice, unknown currencies, ICU plurals).
 */
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExportView } from '../../components/ExportView';
import { HistoryView } from '../../components/HistoryView';
import { ProgressBar } from '../../components/ProgressBar';
import { languages, type Language } from '../../lib/i18n';
import { appText, translator } from '../../lib/i18n/app';
import { formatDuration, formatMoney, interpolate, localeFor } from '../../lib/i18n/format';
import type { Answers, ExportProgress, HistoryEntry, Request } from '../../lib/messaging/protocol';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The views subscribe to the worker's progress pushes; there is no worker here, so a port that never speaks.
const silentPort = { onMessage: { addListener() {} }, onDisconnect: { addListener() {} }, disconnect() {} };
vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => silentPort as never);
// Every language's catalogue, as each page loads its own before it renders.
beforeAll(() => Promise.all(languages.map((language) => appText.load(language))));

process.env.TZ = 'UTC';
// A British English browser: English keeps its region; the other languages get our default regions.
Object.defineProperty(navigator, 'languages', { value: ['en-GB', 'en'], configurable: true });
/** Intl separates with no-break spaces (U+00A0, U+202F): compared as plain spaces. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

const entry: HistoryEntry = {
  id: 'j1',
  documentId: 'doc-1',
  state: 'done',
  updatedAt: Date.UTC(2026, 2, 5, 14, 30),
  invoiceNumber: 'INV-7',
  supplierName: 'Fornecedor Lda',
  total: 1110.48,
  currency: 'EUR',
  attempts: 1,
};

function fakeAsk(answers: Partial<{ [K in keyof Answers]: Answers[K] }>) {
  return (async (request: Request) => ({ ok: true, value: answers[request.type as keyof Answers] })) as never;
}

let root: HTMLElement | undefined;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

const expected: Record<Language, { amount: string; date: string; one: string; many: string; zero: string }> = {
  pt: {
    amount: '1110,48 €',
    date: '05/03/26, 14:30',
    one: '1 fatura corresponde.',
    many: '1234 faturas correspondem.',
    zero: '0 faturas correspondem.',
  },
  en: {
    amount: '€1,110.48',
    date: '05/03/2026, 14:30',
    one: '1 invoice matches.',
    many: '1,234 invoices match.',
    zero: '0 invoices match.',
  },
  fr: {
    amount: '1 110,48 €',
    date: '05/03/2026 14:30',
    one: '1 facture correspond.',
    many: '1 234 factures correspondent.',
    zero: '0 facture correspond.',
  },
  nl: {
    amount: '€ 1.110,48',
    date: '05-03-2026, 14:30',
    one: '1 factuur komt overeen.',
    many: '1.234 facturen komen overeen.',
    zero: '0 facturen komen overeen.',
  },
  de: {
    amount: '1.110,48 €',
    date: '05.03.26, 14:30',
    one: '1 Rechnung passt.',
    many: '1.234 Rechnungen passen.',
    zero: '0 Rechnungen passen.',
  },
};

describe.each(Object.keys(expected) as Language[])('in %s', (language) => {
  const t = translator(language);
  const want = expected[language];

  it('History shows the amount in the currency and the date as the language writes them', async () => {
    const view = mount(<HistoryView t={t} language={language} ask={fakeAsk({ 'export.history': { entries: [entry] } })} />);
    await vi.waitFor(() => expect(view.querySelector('[data-testid="history-amount"]')).not.toBeNull());
    expect(plain(view.querySelector('[data-testid="history-amount"]')!.textContent)).toBe(want.amount);
    expect(plain(view.querySelector('time')!.textContent)).toBe(want.date);
  });

  it.each([
    [1, 'one'],
    [1234, 'many'],
    [0, 'zero'],
  ] as const)('Export counts %i matching invoices in the right plural form', async (count, form) => {
    const ask = fakeAsk({
      'export.preview': { count, bankStatements: 0 },
      'export.progress': {
        paused: false,
        running: false,
        waitingForBanqup: false,
        total: 0,
        remaining: 0,
        done: 0,
        duplicate: 0,
        failed: 0,
        cancelled: 0,
      },
    });
    const view = mount(<ExportView t={t} language={language} ask={ask} />);
    const preview = () => plain(view.querySelector('[data-testid="export-preview"]')!.textContent);
    await vi.waitFor(() => expect(preview()).toBe(want[form]), { timeout: 2_000 });
  });
});

describe('the progress view', () => {
  const base: ExportProgress = {
    runId: 'r',
    paused: false,
    running: true,
    waitingForBanqup: false,
    total: 120,
    remaining: 90,
    done: 28,
    duplicate: 2,
    failed: 0,
    cancelled: 0,
  };
  const text = (view: HTMLElement, id: string) => plain(view.querySelector(`[data-testid="${id}"]`)?.textContent);

  it('says the rate and the time left from the run start and the answer time', () => {
    // 30 handled in 60 s: 30 a minute, 90 left: about 3 minutes.
    const view = mount(<ProgressBar t={translator('de')} language="de" progress={{ ...base, startedAt: 1_000_000, at: 1_060_000 }} />);
    expect(text(view, 'export-rate')).toBe('30 pro Minute');
    expect(text(view, 'export-time-left')).toBe('Noch etwa 3 Minuten');
    expect(view.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('30');
    expect(plain(view.querySelector('.headline')!.textContent)).toContain('25 %');
  });

  it('says what waits and why: Yokoy’s rate limit with the next try, and signed out of Banqup', () => {
    const at = Date.UTC(2026, 2, 5, 9, 41);
    const view = mount(
      <ProgressBar
        t={translator('en')}
        language="en"
        progress={{
          ...base,
          waitingForBanqup: true,
          startedAt: at - 1_000,
          at,
          waiting: { rateLimited: 1, retrying: 3, nextAttemptAt: at + 60_000 },
        }}
      />,
    );
    expect(text(view, 'waiting-rate-limit')).toBe('1 invoice waits: Yokoy asked us to slow down. Next try at 09:42.');
    expect(text(view, 'waiting-retry')).toBe('3 invoices wait for another try at 09:42.');
    expect(text(view, 'waiting-for-banqup')).toMatch(/sign in to Banqup/);
    expect(text(view, 'export-pace')).toMatch(/Starting/);
  });

  it('ends with a finish state that names what failed, in the plural the language needs', () => {
    const view = mount(
      <ProgressBar
        t={translator('fr')}
        language="fr"
        progress={{ ...base, running: false, remaining: 0, done: 117, duplicate: 2, failed: 1 }}
      />,
    );
    expect(view.querySelector('[data-testid="export-progress"]')!.getAttribute('data-phase')).toBe('finished');
    expect(text(view, 'export-finished')).toBe('Terminé : 117 envoyées, 2 déjà dans Yokoy.');
    expect(text(view, 'export-finished-failed')).toBe('1 facture n’a pas pu être envoyée : l’onglet Historique dit pourquoi.');
    expect(view.querySelector('[data-testid="export-pace"]')).toBeNull();
  });
});

describe('the formatting module', () => {
  it('keeps the browser’s region when it speaks the language, else picks ours', () => {
    expect(localeFor('pt', ['pt-BR', 'en'])).toBe('pt-BR');
    expect(localeFor('pt', ['en-US'])).toBe('pt-PT');
    expect(localeFor('fr', ['fr_BE'])).toBe('fr-BE');
    expect(localeFor('nl', ['nl'])).toBe('nl-NL');
  });

  it('writes an amount with a code Intl does not know as the number and the code', () => {
    expect(plain(formatMoney('de', 12.5, 'XY1'))).toBe('12,50 XY1');
    expect(plain(formatMoney('en', 12.5))).toBe('12.50');
    expect(plain(formatMoney('pt', 12.5, 'usd'))).toBe('12,50 US$');
  });

  it('chooses exact branches before plural categories and leaves unknown parameters visible', () => {
    const text = '{n, plural, =0 {none} one {# item} other {# items}} for {who}';
    expect(interpolate('en', text, { n: 0 })).toBe('none for {who}');
    expect(interpolate('en', text, { n: 1, who: 'Ana' })).toBe('1 item for Ana');
    expect(interpolate('en', text, { n: 2500, who: 'Ana' })).toBe('2,500 items for Ana');
  });

  it('says durations the way people do', () => {
    expect(formatDuration('en', 42_000)).toBe('42 seconds');
    expect(formatDuration('pt', 5 * 60_000)).toBe('5 minutos');
    expect(formatDuration('nl', 3 * 3_600_000)).toBe('3 uur');
  });
});
