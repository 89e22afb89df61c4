/**
 * A structural PDF check for the sandbox: header, trailer, cross-reference table whose every
 * offset points at its object, stream lengths, page count. It is what a viewer needs to open
 * a file without repairing it; tests use it on the sandbox's own PDFs, and the emulators may
 * use it on PDFs they receive. Only classic xref tables (what pdf-writer.ts writes, and most
 * simple PDFs) are fully checked; xref streams only get the light checks.
 */

export type PdfCheck = { ok: true; pages: number; objects: number } | { ok: false; problem: string };

export function checkPdfStructure(pdf: Buffer | Uint8Array): PdfCheck {
  const s = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const fail = (problem: string): PdfCheck => ({ ok: false, problem });
  if (!/^%PDF-\d\.\d/.test(s)) return fail('no %PDF- header');
  if (!/%%EOF\s*$/.test(s.slice(-32))) return fail('no %%EOF at the end');
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s.slice(-64));
  if (!sx) return fail('no startxref');
  const startxref = Number(sx[1]);
  if (startxref >= s.length) return fail('startxref points past the end');
  const pagesMatch = /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(s);
  const pages = pagesMatch ? Number(pagesMatch[1]) : 0;

  if (s.slice(startxref, startxref + 4) !== 'xref') {
    // A cross-reference stream (PDF 1.5+): accept if it is an object.
    return /^\d+\s+\d+\s+obj\b/.test(s.slice(startxref, startxref + 32))
      ? { ok: true, pages, objects: 0 }
      : fail('startxref does not point at a cross-reference');
  }
  const head = /^xref\r?\n0 (\d+)\r?\n/.exec(s.slice(startxref, startxref + 40));
  if (!head) return fail('cross-reference table has no "0 N" section');
  const count = Number(head[1]);
  const tableStart = startxref + head[0].length;
  for (let i = 1; i < count; i++) {
    const entry = s.slice(tableStart + i * 20, tableStart + i * 20 + 20);
    const m = /^(\d{10}) (\d{5}) ([nf])[ \r][\r\n]$/.exec(entry);
    if (!m) return fail(`xref entry ${i} is malformed`);
    if (m[3] === 'f') continue;
    const off = Number(m[1]);
    if (!new RegExp(`^${i}\\s+${Number(m[2])}\\s+obj\\b`).test(s.slice(off, off + 24)))
      return fail(`xref entry ${i} does not point at object ${i}`);
  }
  for (const m of s.matchAll(/\/Length (\d+)\s*>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    if (!/^\r?\n?endstream/.test(s.slice(start + Number(m[1]), start + Number(m[1]) + 12)))
      return fail(`stream at ${m.index} has a wrong /Length`);
  }
  if (!/\/Type\s*\/Catalog\b/.test(s)) return fail('no catalog');
  if (pages < 1) return fail('no pages');
  return { ok: true, pages, objects: count - 1 };
}
