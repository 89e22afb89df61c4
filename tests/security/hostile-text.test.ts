/**
 * Hostile text, at unit level: every CSV cell is one quoted field that no spreadsheet runs as a
 * formula, whatever the text (fast-check, 1,000 values); and no product source builds markup
 * from strings (no innerHTML / outerHTML / insertAdjacentHTML / document.write /
 * dangerouslySetInnerHTML / eval / new Function), so untrusted text can only ever be a text node.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, historyCsv } from '../../lib/export/csv';
import type { HistoryEntry } from '../../lib/messaging/protocol';

const formulaStart = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '＝', ' =', '"=', "'=");
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.tuple(formulaStart, fc.string()).map(([a, b]) => a + b),
  fc.constantFrom(
    '=HYPERLINK("https://evil.example","x")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '"\r\n=1+1',
    '<img src=x onerror=alert(1)>',
  ),
);

/** Reads one CSV field back (RFC 4180): the text between the quotes, doubled quotes undone. */
function unquote(cell: string): string | undefined {
  const m = /^"((?:[^"]|"")*)"$/s.exec(cell);
  return m ? m[1]!.replace(/""/g, '"') : undefined;
}

describe('CSV cells under fuzz', () => {
  it('1,000 values: one quoted field, never a formula, the text kept (behind a quote when neutralised)', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.integer(), fc.double(), fc.constantFrom(undefined, null)), (value) => {
        const cell = csvCell(value);
        const inner = unquote(cell);
        expect(inner).toBeDefined();
        expect(inner!).not.toMatch(/^[=+\-@\t\r]/);
        const original = value === undefined || value === null ? '' : String(value);
        expect([original, `'${original}`]).toContain(inner);
      }),
      { numRuns: 1_000 },
    );
  });

  it('a history of hostile entries: one line per entry, the same number of fields on each', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ invoiceNumber: text, supplierName: text, detail: text }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const entries: HistoryEntry[] = rows.map((r, i) => ({
            id: `e${i}`,
            documentId: `doc-${i}`,
            state: 'failed',
            updatedAt: 0,
            invoiceNumber: r.invoiceNumber,
            supplierName: r.supplierName,
            reason: { source: 'yokoy', kind: 'validation', detail: r.detail },
            attempts: 1,
          }));
          const csv = historyCsv(entries);
          // Split on record boundaries: CRLF outside quotes.
          const records = csv
            .slice(0, -2)
            .match(/(?:"(?:[^"]|"")*"|[^,\r\n]*)(?:,(?:"(?:[^"]|"")*"|[^,\r\n]*))*/gs)!
            .filter((r) => r !== '');
          expect(records).toHaveLength(entries.length + 1);
          const fields = (r: string) => r.match(/"(?:[^"]|"")*"/gs)!.length;
          for (const r of records) expect(fields(r)).toBe(11);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('product sources build no markup from strings', () => {
  const root = resolve(import.meta.dirname, '../..');
  const sources = ['lib', 'components', 'entrypoints'].flatMap(function walk(dir: string): string[] {
    const path = join(root, dir);
    return readdirSync(path).flatMap((name) => {
      const full = join(path, name);
      return statSync(full).isDirectory() ? walk(join(dir, name)) : /\.(ts|tsx)$/.test(name) ? [join(dir, name)] : [];
    });
  });

  it('no innerHTML, outerHTML, insertAdjacentHTML, document.write, dangerouslySetInnerHTML, eval or new Function', () => {
    expect(sources.length).toBeGreaterThan(50);
    const pattern =
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML|(^|[^\w$.])eval\s*\(|new\s+Function\s*\(|createContextualFragment|DOMParser/;
    const offences = sources.filter((file) => pattern.test(readFileSync(join(root, file), 'utf8')));
    expect(offences).toEqual([]);
  });
});
