// @vitest-environment happy-dom
// (renders the Preact import view into a document)
/**
 * The Import view in German: a picked file is read, judged by a fake worker (through the same
 * `ask` the page uses) and previewed with counts, totals through Intl, and each skipped file
 * named with its reason; sending queues only what is new.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ImportView } from '../../components/ImportView';
import { openCompanionDB } from '../../lib/db/schema';
import { appText } from '../../lib/i18n/app';
import { createFileStore } from '../../lib/import/files';
import type { Ask } from '../../lib/messaging/ask';
import { sample, writeFixture } from './support/ubl-fixture';

const until = async <T,>(f: () => T | undefined | null | false, ms = 5_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('ImportView', () => {
  it('previews a drop in German and sends only what is new', async () => {
    await appText.load('de');
    const sent: string[][] = [];
    let known = '';
    const ask = (async (request: { type: string; items?: { id: string; facts: { number?: string } }[]; ids?: string[] }) => {
      if (request.type === 'import.check') {
        return {
          ok: true,
          value: {
            results: request.items!.map((i) =>
              i.facts.number === 'OLD-1'
                ? ((known = i.id), { id: i.id, verdict: 'sent-from-banqup', yokoyInvoiceId: 'y', documentId: 'd' })
                : { id: i.id, verdict: 'new' },
            ),
          },
        };
      }
      if (request.type === 'import.start') {
        sent.push(request.ids!);
        return { ok: true, value: { queued: request.ids!.length, alreadyInYokoy: 0, missing: 0 } };
      }
      if (request.type === 'export.progress')
        return {
          ok: true,
          value: {
            paused: false,
            running: true,
            waitingForBanqup: false,
            total: 2,
            remaining: 2,
            done: 0,
            duplicate: 0,
            failed: 0,
            cancelled: 0,
          },
        };
      return { ok: true, value: { discarded: true } };
    }) as unknown as Ask;
    const db = openCompanionDB('import-view-test');
    const root = document.createElement('div');
    document.body.append(root);
    render(<ImportView language="de" ask={ask} files={createFileStore(() => db)} />, root);

    const input = root.querySelector<HTMLInputElement>('[data-testid="import-input"]')!;
    const files = [
      new File([writeFixture({ ...sample, number: 'A-1', gross: '1234.50' })], 'a.xml'),
      new File([writeFixture({ ...sample, kind: 'creditNote', number: 'C-1', gross: '34.50' })], 'c.xml'),
      new File([writeFixture({ ...sample, number: 'OLD-1' })], 'old.xml'),
      new File(['<Invoice>'], 'kaputt.xml'),
    ];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));

    const preview = await until(() => root.querySelector('[data-testid="import-preview"]'));
    expect([...preview.querySelectorAll('[data-testid="import-summary"] li')].map((li) => li.textContent)).toEqual([
      'Rechnungen: 1',
      'Gutschriften: 1',
      'Nur PDF (Yokoy liest sie mit seiner KI): 0',
      'Lieferanten: 1',
    ]);
    expect(preview.querySelector('[data-testid="import-totals"] li')!.textContent).toBe(
      new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(1200),
    );
    const skipped = [...preview.querySelectorAll('[data-testid="import-skipped"] li')].map((li) => li.textContent);
    expect(skipped).toEqual([
      expect.stringMatching(/^kaputt\.xml: Beschädigtes XML \(line 1: /),
      'old.xml: Schon in Yokoy, aus Banqup gesendet: Es wird nichts Neues angelegt.',
    ]);
    expect(preview.querySelector('[data-testid="import-generated"]')!.textContent).toMatch(/^2 E-Rechnungen kamen ohne PDF/);

    const send = preview.querySelector<HTMLButtonElement>('[data-testid="import-send"]')!;
    expect(send.textContent).toBe('2 an Yokoy senden');
    send.click();
    await until(() => root.querySelector('[data-testid="import-sent"]'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(2);
    expect(sent[0]).not.toContain(known);
    render(null, root);
  });
});
