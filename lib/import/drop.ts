/**
 * Reads what the user dropped (files, ZIP archives of files, nested folders, mixed content)
 * into import records: each UBL with the PDF Yokoy will show (embedded, the PDF beside it, or
 * a summary the companion draws), each lone PDF, and every file refused by name with its
 * reason. Bytes go to IndexedDB as each file is read, so memory holds one file at a time plus
 * the small records; the drop goes on past any refusal.
 */
import { readUbl, isPdf, type UblInvoice, type UblProblem } from '../ubl/read';
import { summaryPdf } from '../ubl/summary-pdf';
import { defaultLimits, readArchive, type ArchiveLimits, type ArchiveRefusal } from './archive';
import { FILE_PREFIX, sha256Hex, type ImportFacts, type ImportFile } from './files';

export type SkipReason =
  | `ubl:${UblProblem}`
  | ArchiveRefusal
  | 'unsupported-type'
  | 'too-large'
  | 'unreadable'
  | 'same-file-twice'
  | 'same-invoice-twice'
  | 'pdf-already-embedded';

export interface Skipped {
  name: string;
  reason: SkipReason;
  detail?: string;
}

export interface DropInput {
  name: string;
  blob: Blob;
}

export interface DropEnv {
  putBytes: (key: string, bytes: Uint8Array) => Promise<void>;
  deleteBytes: (keys: string[]) => Promise<void>;
  now: () => number;
  dropId: string;
  limits?: ArchiveLimits;
  /** Called as files are read (for a progress line). */
  onProgress?: (read: number) => void;
}

export interface DropResult {
  files: ImportFile[];
  skipped: Skipped[];
}

/** Files systems and archivers add; never invoices, never worth a line in the preview. */
const NOISE = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i;
const MAX_FILE_BYTES = 50 * 1024 * 1024;

interface ReadUbl {
  path: string;
  hash: string;
  invoice: Omit<UblInvoice, 'embeddedPdfs'>;
  embeddedKey?: string;
}

interface ReadPdf {
  path: string;
  hash: string;
}

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const fileOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const baseOf = (path: string) =>
  fileOf(path)
    .replace(/\.[^.]*$/, '')
    .toLowerCase();

function factsOf(invoice: ReadUbl['invoice']): ImportFacts {
  return {
    number: invoice.number,
    issueDate: invoice.issueDate,
    currency: invoice.currency,
    total: invoice.total,
    supplierName: invoice.supplier.name,
    supplierVatId: invoice.supplier.vatId,
    supplierEndpoint: invoice.supplier.endpointId ? `${invoice.supplier.endpointScheme ?? ''}:${invoice.supplier.endpointId}` : undefined,
    creditNote: invoice.kind === 'creditNote' || undefined,
  };
}

/** The same invoice whatever its bytes: supplier, kind, number and date. */
const factsKey = (kind: string, f: ImportFacts) =>
  [
    kind,
    (f.supplierVatId ?? f.supplierEndpoint ?? f.supplierName ?? '').toUpperCase().replace(/\s+/g, ''),
    f.number?.trim(),
    f.issueDate,
  ].join('|');

function sniff(head: Uint8Array): 'zip' | 'pdf' | 'xml' | 'other' {
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06))
    return 'zip';
  if (isPdf(head)) return 'pdf';
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x3c ? 'xml' : 'other';
}

export async function readDrop(inputs: DropInput[], env: DropEnv): Promise<DropResult> {
  const skipped: Skipped[] = [];
  const ubls: ReadUbl[] = [];
  const pdfs: ReadPdf[] = [];
  let read = 0;

  async function entry(path: string, bytes: Uint8Array): Promise<void> {
    read++;
    env.onProgress?.(read);
    if (NOISE.test(path)) return;
    const kind = sniff(bytes.subarray(0, 1024));
    if (kind === 'pdf') {
      const hash = await sha256Hex(bytes);
      await env.putBytes(hash, bytes);
      pdfs.push({ path, hash });
      return;
    }
    if (kind !== 'xml') {
      skipped.push({ name: path, reason: kind === 'zip' ? 'zip-nested' : 'unsupported-type', detail: /\.([^./]{1,10})$/.exec(path)?.[1] });
      return;
    }
    const parsed = readUbl(bytes);
    if (!parsed.ok) {
      skipped.push({ name: path, reason: `ubl:${parsed.failure.kind}`, detail: parsed.failure.detail });
      return;
    }
    const { embeddedPdfs, ...facts } = parsed.value;
    // The parser's strings are slices of the whole document (its embedded PDF included): kept as
    // they are, a drop of thousands would keep every document's text alive. A JSON round trip
    // makes fresh strings, so memory holds the facts, not the files.
    const invoice = JSON.parse(JSON.stringify(facts)) as typeof facts;
    const hash = await sha256Hex(bytes);
    await env.putBytes(hash, bytes);
    let embeddedKey: string | undefined;
    const embedded = embeddedPdfs[0];
    if (embedded) {
      embeddedKey = await sha256Hex(embedded.bytes);
      await env.putBytes(embeddedKey, embedded.bytes);
    }
    ubls.push({ path, hash, invoice, embeddedKey });
  }

  for (const input of inputs) {
    let head: Uint8Array;
    try {
      head = new Uint8Array(await input.blob.slice(0, 1024).arrayBuffer());
    } catch {
      skipped.push({ name: input.name, reason: 'unreadable' });
      continue;
    }
    if (sniff(head) === 'zip') {
      for await (const item of readArchive(input.blob, input.name, env.limits ?? defaultLimits)) {
        if (item.kind === 'refused')
          skipped.push({
            name: item.path === input.name ? input.name : `${input.name}/${item.path}`,
            reason: item.reason,
            detail: item.detail,
          });
        else await entry(`${input.name}/${item.path}`, item.bytes);
      }
      continue;
    }
    if (input.blob.size > MAX_FILE_BYTES) {
      skipped.push({ name: input.name, reason: 'too-large', detail: String(MAX_FILE_BYTES) });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await input.blob.arrayBuffer());
    } catch {
      skipped.push({ name: input.name, reason: 'unreadable' });
      continue;
    }
    await entry(input.name, bytes);
  }

  // Pair each UBL with the PDF beside it: the same name, or a file name the UBL refers to.
  const byFolderBase = new Map<string, ReadPdf[]>();
  const byFolderFile = new Map<string, ReadPdf[]>();
  for (const pdf of pdfs) {
    for (const [map, key] of [
      [byFolderBase, folderOf(pdf.path) + baseOf(pdf.path)],
      [byFolderFile, folderOf(pdf.path) + fileOf(pdf.path).toLowerCase()],
    ] as const) {
      map.set(key, [...(map.get(key) ?? []), pdf]);
    }
  }
  const used = new Set<ReadPdf>();
  const files: ImportFile[] = [];
  const ids = new Map<string, string>();
  const facts = new Map<string, string>();
  const unused = new Set<string>();

  function admit(file: ImportFile, key?: string): boolean {
    const sameFile = ids.get(file.id);
    if (sameFile) {
      skipped.push({ name: file.name, reason: 'same-file-twice', detail: sameFile });
      return false;
    }
    const sameInvoice = key ? facts.get(key) : undefined;
    if (sameInvoice) {
      skipped.push({ name: file.name, reason: 'same-invoice-twice', detail: sameInvoice });
      return false;
    }
    ids.set(file.id, file.name);
    if (key) facts.set(key, file.name);
    files.push(file);
    return true;
  }

  for (const ubl of ubls) {
    const folder = folderOf(ubl.path);
    const sibling = [
      ...(byFolderBase.get(folder + baseOf(ubl.path)) ?? []),
      ...ubl.invoice.referencedFiles.flatMap((name) => byFolderFile.get(folder + name.toLowerCase()) ?? []),
    ].find((p) => !used.has(p));
    if (sibling) used.add(sibling);
    let pdfKey: string;
    let pdfOrigin: ImportFile['pdfOrigin'];
    if (ubl.embeddedKey) {
      pdfKey = ubl.embeddedKey;
      pdfOrigin = 'embedded';
      if (sibling) skipped.push({ name: sibling.path, reason: 'pdf-already-embedded', detail: ubl.path });
    } else if (sibling) {
      pdfKey = sibling.hash;
      pdfOrigin = 'sibling';
    } else {
      const generated = summaryPdf({ ...ubl.invoice, embeddedPdfs: [] });
      pdfKey = await sha256Hex(generated);
      await env.putBytes(pdfKey, generated);
      pdfOrigin = 'generated';
    }
    const file: ImportFile = {
      id: FILE_PREFIX + ubl.hash,
      dropId: env.dropId,
      kind: ubl.invoice.kind,
      name: ubl.path,
      ublKey: ubl.hash,
      pdfKey,
      pdfOrigin,
      pdfName: pdfOrigin === 'sibling' ? sibling!.path : undefined,
      facts: factsOf(ubl.invoice),
      stagedAt: env.now(),
    };
    if (!admit(file, factsKey(file.kind, file.facts))) {
      unused.add(ubl.hash);
      if (pdfOrigin !== 'sibling') unused.add(pdfKey);
    }
  }
  for (const pdf of pdfs) {
    if (used.has(pdf)) continue;
    const admitted = admit({
      id: FILE_PREFIX + pdf.hash,
      dropId: env.dropId,
      kind: 'pdf',
      name: pdf.path,
      pdfKey: pdf.hash,
      pdfOrigin: 'file',
      facts: {},
      stagedAt: env.now(),
    });
    if (!admitted) unused.add(pdf.hash);
  }
  // Bytes read but not needed (a PDF already embedded, a file dropped twice) are let go now.
  for (const f of files) {
    unused.delete(f.pdfKey);
    if (f.ublKey) unused.delete(f.ublKey);
  }
  for (const s of skipped) if (s.reason === 'pdf-already-embedded') unused.add(pdfs.find((p) => p.path === s.name)!.hash);
  for (const f of files) unused.delete(f.pdfKey);
  await env.deleteBytes([...unused]);
  return { files, skipped };
}
