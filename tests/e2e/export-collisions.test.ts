/**
 * Exactly once with real collisions and nothing open: a backfill of the seeded purchases plus
 * OpenPEPPOL-like colliding documents (`Snippet1` on five documents of three suppliers,
 * invoices and credit notes with the same date and amount; `Vat-Z` on two suppliers; two
 * identical documents), one of them already in Yokoy untagged (as Banqup's own connector
 * leaves it), with the service worker stopped three times and no popup, options page or
 * Banqup tab open. Paced from the emulator: the answer to the Nth upload is held until the
 * test has stopped the worker (so that upload's answer is lost, as in the issue), then
 * released; the queue must resume by its own alarm. Asserts on what Yokoy holds.
 */
import { describe, expect, it } from 'vitest';
import { seedDocuments, type SandboxDocument } from '../../sandbox/data/seed';
import type { ParsedUbl } from '../../sandbox/data/ubl';
import { writeUbl } from '../../sandbox/data/ubl-write';
import { ExportPage } from './pages/export';
import { connectExtension } from './support/connect';
import { useE2E } from './support/fixtures';
import { stopServiceWorker } from './support/worker';
import { seedYokoyInvoice, setFaults, yokoyInvoices } from './support/yokoy-admin';

const LE = 'le-BE-acme-0001';
/** Uploads (einvoice POSTs) whose answers are held while the worker is stopped. */
const STOP_AT = [4, 14, 24];

function collidingDocuments(): SandboxDocument[] {
  const withUbl = seedDocuments().filter((d) => d.folder === 'PURCHASES' && d.ubl && d.kind === 'invoice');
  // Three suppliers, each with its own VAT id and name.
  const bySupplier = new Map<string, SandboxDocument>();
  for (const d of withUbl) if (!bySupplier.has(d.meta.supplier.name)) bySupplier.set(d.meta.supplier.name, d);
  const [a, b, c] = [...bySupplier.values()] as [SandboxDocument, SandboxDocument, SandboxDocument];
  // One date and one set of lines (so one amount) for every Snippet1 document.
  const lines = a.meta;
  const make = (i: number, supplierOf: SandboxDocument, kind: ParsedUbl['kind'], number: string): SandboxDocument => {
    const meta: ParsedUbl = { ...lines, kind, invoiceNumber: number, supplier: supplierOf.meta.supplier, embeddedPdf: undefined };
    return {
      ...a,
      documentId: `cccccccc-dddd-4eee-8fff-${i.toString(16).padStart(12, '0')}`,
      kind,
      fileName: `${number}-${i}.xml`,
      meta,
      ubl: writeUbl(meta),
      hasEmbeddedPdf: false,
    };
  };
  return [
    make(1, a, 'invoice', 'Snippet1'),
    make(2, b, 'invoice', 'Snippet1'),
    make(3, c, 'invoice', 'Snippet1'),
    make(4, a, 'creditNote', 'Snippet1'),
    make(5, b, 'creditNote', 'Snippet1'),
    make(6, a, 'invoice', 'Vat-Z'),
    make(7, b, 'invoice', 'Vat-Z'),
    // Two identical documents (the same invoice received twice).
    make(8, c, 'invoice', 'TWICE-1'),
    make(9, c, 'invoice', 'TWICE-1'),
  ];
}

describe('backfill with colliding documents, three worker stops, nothing open', () => {
  const env = useE2E({ extension: true });

  it('every document reaches Yokoy exactly once', async () => {
    await connectExtension(env, 'Acme Belgium NV');
    const colliding = collidingDocuments();
    env.sandbox.state.banqup.documents.push(...colliding);
    const documents = env.sandbox.state.banqup.documents.filter((d) => d.folder === 'PURCHASES');
    // Snippet1 of the second supplier is already in Yokoy, untagged (Banqup's connector).
    const connector = await seedYokoyInvoice(env.sandbox, { legalEntityId: LE, ubl: colliding[1]!.ubl });

    // Pacing and bookkeeping from inside the emulator: hold the Nth upload's answer; see every
    // tag as it is written (a tag that changes is a rewrite); resolve once every document is tagged.
    const yokoy = env.sandbox.state.yokoy;
    const firstTag = new Map<string, unknown>();
    const rewrites: string[] = [];
    let uploads = 0;
    // One signal per planned stop (a single slot would miss a hold that comes during a stop).
    const stops = STOP_AT.map(() => {
      const hold = { reached: () => {}, release: () => {}, seen: Promise.resolve() };
      hold.seen = new Promise<void>((resolve) => (hold.reached = resolve));
      return hold;
    });
    let allTagged: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (allTagged = resolve));
    const tagged = () => new Set([...yokoy.invoices.values()].map((i) => i.customInformation?.banqupDocumentId).filter(Boolean));
    yokoy.hold = ({ method, path, status }) => {
      if (method === 'PATCH' && status === 200) {
        const id = path.split('/').pop()!;
        const tag = yokoy.invoices.get(id)?.customInformation?.banqupDocumentId;
        if (tag !== undefined) {
          if (firstTag.has(id) && firstTag.get(id) !== tag) rewrites.push(`${id}: ${String(firstTag.get(id))} → ${String(tag)}`);
          if (!firstTag.has(id)) firstTag.set(id, tag);
        }
        if (documents.every((d) => tagged().has(d.documentId))) allTagged();
      }
      if (method !== 'POST' || !/\/invoices\/(einvoice|upload)$/.test(path)) return undefined;
      const hold = stops[STOP_AT.indexOf(++uploads)];
      if (!hold) return undefined;
      const held = new Promise<void>((resolve) => (hold.release = resolve));
      hold.reached();
      return held;
    };
    await setFaults(env.sandbox, { latencyMs: 40 });

    // A target of a worker that just restarted can be stale for a moment: try again then.
    const stopWorker = async () => {
      for (let attempt = 0; attempt < 3; attempt++) if (await stopServiceWorker(env.browser, env.extensionId)) return true;
      return false;
    };
    const view = await ExportPage.open(env.browser, env.extensionId);
    expect(await view.preview()).toMatch(new RegExp(`${documents.length} invoices match`));
    await view.start();
    // Nothing open from here on: no popup, no options page, no Banqup tab.
    await view.close();
    const extensionPages = async () =>
      (await env.browser.pages()).filter(
        (p) => p.url().startsWith(`chrome-extension://${env.extensionId}/`) || p.url().startsWith(env.sandbox.urls.banqup),
      );
    expect(await extensionPages()).toEqual([]);

    let stopped = 0;
    for (let i = 0; i < STOP_AT.length; i++) {
      await stops[i]!.seen;
      // The Nth upload reached Yokoy; its answer waits until the worker is gone (then is lost).
      if (await stopWorker()) stopped++;
      stops[i]!.release();
    }
    expect(stopped).toBe(3);

    // Bounded: resuming is the extension's job (its alarm), not the test's.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>(
      (_, reject) =>
        (timer = setTimeout(
          () => reject(new Error(`not every document tagged after 150 s: ${tagged().size} of ${documents.length}`)),
          150_000,
        )),
    );
    await Promise.race([finished, deadline]).finally(() => clearTimeout(timer));
    yokoy.hold = undefined;
    await setFaults(env.sandbox, {});

    const invoices = (await yokoyInvoices(env.sandbox)).filter((i) => i.legalEntityId === LE);
    const byDocument = new Map<string, number>();
    for (const i of invoices) {
      const tag = i.customInformation?.banqupDocumentId as string | undefined;
      if (tag) byDocument.set(tag, (byDocument.get(tag) ?? 0) + 1);
    }
    const duplicates = invoices.length - documents.length;
    // The figures for the report.
    console.info(
      `[collisions] documents ${documents.length}, Yokoy invoices ${invoices.length}, duplicates ${duplicates}, rewritten tags ${rewrites.length}, worker stops ${stopped}, uploads ${uploads}`,
    );
    expect(rewrites).toEqual([]);
    expect(invoices.filter((i) => !i.customInformation?.banqupDocumentId).map((i) => i.id)).toEqual([]);
    for (const d of documents) expect(byDocument.get(d.documentId), d.fileName).toBe(1);
    expect(invoices).toHaveLength(documents.length);
    // The connector's invoice was adopted by its own document, not by a look-alike.
    expect(invoices.find((i) => i.id === connector.id)?.customInformation?.banqupDocumentId).toBe(colliding[1]!.documentId);
    // Each Snippet1 document's invoice is its own supplier's and type.
    for (const d of colliding) {
      const mine = invoices.find((i) => i.customInformation?.banqupDocumentId === d.documentId)!;
      expect({ number: mine.invoiceNumber, supplier: mine.supplierName, creditNote: mine.isCreditNote }).toEqual({
        number: d.meta.invoiceNumber,
        supplier: d.meta.supplier.name,
        creditNote: d.kind === 'creditNote',
      });
    }

    const history = await ExportPage.open(env.browser, env.extensionId);
    expect(await history.openHistory('failed')).toEqual([]);
    await history.close();
  }, 300_000);
});
