/**
 * A tiny PDF 1.4 writer: pages of text (Helvetica / Helvetica-Bold, WinAnsiEncoding), lines
 * and filled rectangles, a correct cross-reference table, and optional padding to a target
 * size. Enough for invoice previews that Chromium's viewer opens; no dependency.
 */
import { deflateSync } from 'node:zlib';

export type FontName = 'F1' | 'F2'; // F1 = Helvetica, F2 = Helvetica-Bold

// WinAnsiEncoding's 0x80–0x9F block (the rest of 0xA0–0xFF is Latin-1 as is).
const WIN_ANSI_EXTRA: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/**
 * Unicode → WinAnsi bytes (as a latin1 string). Characters outside the encoding fall back to
 * their unaccented letter when there is one (ő → o), else '?'.
 */
export function toWinAnsi(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) out += ch;
    else if (WIN_ANSI_EXTRA[cp] !== undefined) out += String.fromCharCode(WIN_ANSI_EXTRA[cp]);
    else if (cp === 0x09 || cp === 0x0a || cp === 0x0d) out += ' ';
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base.length === 1 && base.charCodeAt(0) >= 0x20 && base.charCodeAt(0) <= 0x7e ? base : '?';
    }
  }
  return out;
}

// Helvetica advance widths (1/1000 em) for 0x20–0x7E, from the standard AFM.
// prettier-ignore
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
  278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
  667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

function charWidth(code: number, bold: boolean): number {
  let w: number;
  if (code >= 0x20 && code <= 0x7e) w = HELVETICA_WIDTHS[code - 0x20]!;
  else {
    // Accented letters are as wide as their base letter; anything else: an average glyph.
    const base = String.fromCharCode(code).normalize('NFD').charCodeAt(0);
    w = base >= 0x20 && base <= 0x7e ? HELVETICA_WIDTHS[base - 0x20]! : 556;
  }
  // Helvetica-Bold is a little wider; close enough for right-aligning and truncating.
  return bold ? w * 1.06 : w;
}

/** Width in points of `text` (already WinAnsi) at `size`. */
export function textWidth(winAnsi: string, size: number, font: FontName = 'F1'): number {
  let w = 0;
  for (let i = 0; i < winAnsi.length; i++) w += charWidth(winAnsi.charCodeAt(i), font === 'F2');
  return (w * size) / 1000;
}

function pdfString(winAnsi: string): string {
  // Literal string: escape the three special characters; bytes stay bytes (latin1).
  return `(${winAnsi.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

const num = (n: number): string => String(Math.round(n * 100) / 100);

/** Drawing commands of one page (origin bottom-left, points). */
export class PdfPage {
  readonly ops: string[] = [];
  constructor(
    readonly width = 595.28,
    readonly height = 841.89,
  ) {}

  /** Draws `text` (Unicode) at (x, y); align 'right' makes x the right edge. */
  text(
    x: number,
    y: number,
    text: string,
    opts: { size?: number; font?: FontName; align?: 'left' | 'right'; maxWidth?: number; gray?: number } = {},
  ): void {
    const size = opts.size ?? 10;
    const font = opts.font ?? 'F1';
    let s = toWinAnsi(text);
    if (opts.maxWidth !== undefined && textWidth(s, size, font) > opts.maxWidth) {
      const ellipsis = '\x85'; // '…' in WinAnsi
      while (s.length > 0 && textWidth(s + ellipsis, size, font) > opts.maxWidth) s = s.slice(0, -1);
      s += ellipsis;
    }
    const left = opts.align === 'right' ? x - textWidth(s, size, font) : x;
    const color = opts.gray !== undefined ? `${num(opts.gray)} g ` : '';
    this.ops.push(`BT ${color}/${font} ${num(size)} Tf ${num(left)} ${num(y)} Td ${pdfString(s)} Tj ET${color ? ' 0 g' : ''}`);
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.5, gray = 0): void {
    this.ops.push(`q ${num(gray)} G ${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`);
  }

  rect(x: number, y: number, w: number, h: number, gray: number): void {
    this.ops.push(`q ${num(gray)} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f Q`);
  }
}

/** Small deterministic PRNG (mulberry32) for padding bytes. */
function prngBytes(seed: number, n: number): Buffer {
  const buf = Buffer.allocUnsafe(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i += 4) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const v = (t ^ (t >>> 14)) >>> 0;
    for (let j = 0; j < 4 && i + j < n; j++) buf[i + j] = (v >>> (j * 8)) & 0xff;
  }
  return buf;
}

export interface PdfBuildOptions {
  title?: string;
  /** Info dictionary date, 'YYYY-MM-DD' (kept deterministic: no clock). */
  date?: string;
  /** Grow the file to at least this many bytes (benchmarks want ~100 KB previews). */
  padToBytes?: number;
  /** Seed for the padding bytes, so the same input gives the same file. */
  seed?: number;
}

/** Assembles pages into a complete PDF file. */
export function buildPdf(pages: PdfPage[], opts: PdfBuildOptions = {}): Buffer {
  if (pages.length === 0) pages = [new PdfPage()];
  // Object numbers: 1 catalog, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, 5 info,
  // then a page and its content stream per page, then the optional padding stream.
  const bodies: Buffer[] = [];
  const add = (body: string | Buffer): number => {
    bodies.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return bodies.length;
  };
  const stream = (dict: string, data: Buffer): Buffer =>
    Buffer.concat([Buffer.from(`<< ${dict}/Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

  const firstPageObj = 6;
  const kids = pages.map((_, i) => `${firstPageObj + i * 2} 0 R`).join(' ');
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const date = opts.date && /^\d{4}-\d{2}-\d{2}$/.test(opts.date) ? opts.date.replace(/-/g, '') : '20260101';
  add(`<< /Title ${pdfString(toWinAnsi(opts.title ?? 'Document'))} /Producer (Banqup sandbox) ` + `/CreationDate (D:${date}000000Z) >>`);
  for (const page of pages) {
    const pageObj = bodies.length + 1;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObj + 1} 0 R >>`,
    );
    add(stream('', Buffer.from(page.ops.join('\n'), 'latin1')));
  }

  const header = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'); // binary comment: "this file is binary"
  const assemble = (extraComment: string): Buffer => {
    const parts: Buffer[] = [header];
    const offsets: number[] = [];
    let pos = header.length;
    bodies.forEach((body, i) => {
      const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
      offsets.push(pos);
      parts.push(obj);
      pos += obj.length;
    });
    if (extraComment) {
      const c = Buffer.from(extraComment, 'latin1');
      parts.push(c);
      pos += c.length;
    }
    // Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, n/f, CR LF-ish.
    let xref = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
    for (const off of offsets) xref += `${String(off).padStart(10, '0')} 00000 n \n`;
    xref += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${pos}\n%%EOF\n`;
    parts.push(Buffer.from(xref, 'latin1'));
    return Buffer.concat(parts);
  };

  let out = assemble('');
  const target = opts.padToBytes ?? 0;
  if (target > out.length) {
    // Random bytes deflated at level 0 (stored) look like any compressed image stream and
    // have a predictable size; an unreferenced object is legal and ignored by viewers.
    const room = target - out.length - 120; // object header, dictionary, xref entry
    if (room > 64) {
      const data = deflateSync(prngBytes(opts.seed ?? 1, room - Math.ceil(room / 65535) * 5 - 6), { level: 0 });
      add(stream('/Filter /FlateDecode ', data));
      out = assemble('');
    }
    const short = target - out.length;
    if (short > 0) out = assemble(`%${'x'.repeat(Math.max(0, short - 2))}\n`);
  }
  return out;
}
