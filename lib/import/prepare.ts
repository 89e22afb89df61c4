/**
 * The Import page's work before anything is sent: read the drop into IndexedDB (drop.ts), ask
 * the worker what Yokoy and the queue already have (check.ts), and sum up what would go.
 * Sending queues the rest in the worker; what is not sent is let go at once.
 */
import type { Ask } from '../messaging/ask';
import type { Verdict } from './check';
import { readDrop, type DropInput, type Skipped } from './drop';
import type { FileStore, ImportFile } from './files';
import { summarize, type DropSummary } from './summary';
import { noAnswer, type Failure } from '../failures/failure';

export type SkippedEntry = (Skipped & { kind: 'read' }) | { kind: 'known'; name: string; verdict: Verdict };

export interface PreparedDrop {
  dropId: string;
  toSend: ImportFile[];
  /** Not sent: let go when the drop is sent or discarded. */
  notSent: string[];
  skipped: SkippedEntry[];
  /** Already in Yokoy untagged: queued to be tagged, not sent again. */
  untagged: number;
  summary: DropSummary;
}

const CHUNK = 1_000;
/** Bytes written per IndexedDB transaction while reading: bounds memory and commits alike. */
const WRITE_BATCH_BYTES = 8 * 1024 * 1024;

/** Collects bytes to store and writes them in batches; `flush` before anything reads them. */
function batchedWriter(files: FileStore) {
  let pending: [string, Uint8Array][] = [];
  let size = 0;
  const flush = async () => {
    const batch = pending;
    pending = [];
    size = 0;
    await files.putBytesMany(batch);
  };
  return {
    async put(key: string, bytes: Uint8Array) {
      pending.push([key, bytes]);
      size += bytes.byteLength;
      if (size >= WRITE_BATCH_BYTES) await flush();
    },
    flush,
  };
}

export interface PrepareEnv {
  files: FileStore;
  ask: Ask;
  now: () => number;
  onProgress?: (read: number) => void;
  onChecking?: () => void;
}

export async function prepareDrop(inputs: DropInput[], env: PrepareEnv): Promise<PreparedDrop | { problem: Failure }> {
  const dropId = `drop-${env.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const writer = batchedWriter(env.files);
  const read = await readDrop(inputs, {
    putBytes: writer.put,
    deleteBytes: async (keys) => {
      await writer.flush();
      await env.files.releaseBytes(keys);
    },
    now: env.now,
    dropId,
    onProgress: env.onProgress,
  });
  await writer.flush();
  await env.files.stage(read.files);
  env.onChecking?.();
  const verdicts = new Map<string, Verdict>();
  for (let i = 0; i < read.files.length; i += CHUNK) {
    const chunk = read.files.slice(i, i + CHUNK);
    const answer = await env.ask({ type: 'import.check', items: chunk.map((f) => ({ id: f.id, facts: f.facts })), fresh: i === 0 });
    const problem = !answer.ok ? noAnswer(answer.failure) : answer.value.problem;
    if (problem || !answer.ok) {
      await discardIds(
        env.ask,
        dropId,
        read.files.map((f) => f.id),
      );
      // `problem` is set whenever the answer failed (see above).
      return { problem: problem! };
    }
    for (const result of answer.value.results) verdicts.set(result.id, result);
  }
  const toSend: ImportFile[] = [];
  const notSent: string[] = [];
  const skipped: SkippedEntry[] = read.skipped.map((s) => ({ ...s, kind: 'read' as const }));
  let untagged = 0;
  for (const file of read.files) {
    const verdict = verdicts.get(file.id) ?? { verdict: 'new' };
    if (verdict.verdict === 'new' || verdict.verdict === 'untagged-in-yokoy') {
      toSend.push(file);
      if (verdict.verdict === 'untagged-in-yokoy') untagged++;
    } else {
      notSent.push(file.id);
      skipped.push({ kind: 'known', name: file.name, verdict });
    }
  }
  return { dropId, toSend, notSent, skipped, untagged, summary: summarize(toSend) };
}

export async function sendDrop(drop: PreparedDrop, ask: Ask): Promise<{ queued: number; alreadyInYokoy: number } | { problem: Failure }> {
  let queued = 0;
  let alreadyInYokoy = 0;
  for (let i = 0; i < drop.toSend.length; i += CHUNK) {
    const answer = await ask({ type: 'import.start', ids: drop.toSend.slice(i, i + CHUNK).map((f) => f.id) });
    if (!answer.ok) return { problem: noAnswer(answer.failure) };
    if (answer.value.problem) return { problem: answer.value.problem };
    queued += answer.value.queued;
    alreadyInYokoy += answer.value.alreadyInYokoy;
  }
  await discardIds(ask, drop.dropId, drop.notSent);
  return { queued, alreadyInYokoy };
}

export async function discardDrop(drop: PreparedDrop, ask: Ask): Promise<void> {
  await discardIds(ask, drop.dropId, [...drop.toSend.map((f) => f.id), ...drop.notSent]);
}

async function discardIds(ask: Ask, dropId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 10_000) await ask({ type: 'import.discard', dropId, ids: ids.slice(i, i + 10_000) });
}
