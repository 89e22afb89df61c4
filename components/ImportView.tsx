/**
 * The Import page: drop or pick files, see what the drop holds and what will be skipped and
 * why, then send it through the export queue and follow its progress. The reading happens
 * here (lib/import/prepare.ts); the worker only judges and queues.
 */
// Its words are two sections of the app catalogue (the page's, the export's), joined when this view's chunk loads.
import '../lib/i18n/export';
import '../lib/i18n/pages';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeProblem } from '../lib/failures/describe';
import type { Failure } from '../lib/failures/failure';
import { translator } from '../lib/i18n/app';
import type { Language } from '../lib/i18n';
import { formatMoney } from '../lib/i18n/format';
import type { DropInput } from '../lib/import/drop';
import { describeSkip, describeVerdict } from '../lib/import/describe';
import type { FileStore } from '../lib/import/files';
import { discardDrop, prepareDrop, sendDrop, type PreparedDrop } from '../lib/import/prepare';
import type { Ask } from '../lib/messaging/ask';
import type { ExportProgress } from '../lib/messaging/protocol';
import { ProgressBar } from './ProgressBar';

type Stage =
  | { step: 'idle' }
  | { step: 'reading'; read: number }
  | { step: 'checking' }
  | { step: 'preview'; drop: PreparedDrop }
  | { step: 'sent'; queued: number; already: number };

interface Props {
  language: Language;
  ask: Ask;
  files: FileStore;
}

/** Files of a dropped folder, read recursively (a drop of folders, not only of files). */
async function entriesOf(items: DataTransferItemList | undefined, fallback: FileList | undefined): Promise<DropInput[]> {
  const entries = items ? [...items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e) : [];
  if (!entries.length) return [...(fallback ?? [])].map((f) => ({ name: f.name, blob: f }));
  const out: DropInput[] = [];
  async function walk(entry: FileSystemEntry, prefix: string): Promise<void> {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ name: prefix + file.name, blob: file });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
    }
  }
  for (const entry of entries) await walk(entry, '');
  return out;
}

export function ImportView({ language, ask, files }: Props) {
  const t = translator(language);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [problem, setProblem] = useState<string>();
  const [progress, setProgress] = useState<ExportProgress>();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (stage.step !== 'sent') return;
    let alive = true;
    const poll = async () => {
      const answer = await ask({ type: 'export.progress' });
      if (alive && answer.ok) setProgress(answer.value);
    };
    void poll();
    const interval = setInterval(poll, 500);
    return () => {
      alive = false;
      clearInterval(interval);
    };
  }, [ask, stage.step]);

  // A Yokoy failure here means the check could not be made: the sentence says nothing was sent.
  const problemText = (problem: Failure) =>
    problem.source === 'yokoy' ? t('importProblemYokoy', { reason: describeProblem(t, problem) }) : describeProblem(t, problem);

  async function take(inputs: DropInput[]) {
    if (!inputs.length) return;
    setProblem(undefined);
    setStage({ step: 'reading', read: 0 });
    let last = 0;
    const prepared = await prepareDrop(inputs, {
      files,
      ask,
      now: () => Date.now(),
      onProgress: (read) => {
        // A render per file would cost more than the reading; ten a second is enough.
        if (Date.now() - last > 100) {
          last = Date.now();
          setStage({ step: 'reading', read });
        }
      },
      onChecking: () => setStage({ step: 'checking' }),
    });
    if ('problem' in prepared) {
      setProblem(problemText(prepared.problem));
      setStage({ step: 'idle' });
      return;
    }
    setStage({ step: 'preview', drop: prepared });
  }

  async function send(drop: PreparedDrop) {
    const result = await sendDrop(drop, ask);
    if ('problem' in result) return setProblem(problemText(result.problem));
    setStage({ step: 'sent', queued: result.queued, already: result.alreadyInYokoy });
  }

  async function discard(drop: PreparedDrop) {
    await discardDrop(drop, ask);
    setStage({ step: 'idle' });
  }

  const busy = stage.step === 'reading' || stage.step === 'checking';

  return (
    <main class="import">
      <h1>{t('importHeading')}</h1>
      <p class="muted">{t('importIntro')}</p>
      {stage.step === 'idle' || busy ? (
        <section
          class={`dropzone${over ? ' over' : ''}`}
          aria-label={t('importDrop')}
          aria-busy={busy}
          data-testid="import-dropzone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            if (!busy) void entriesOf(e.dataTransfer?.items, e.dataTransfer?.files).then(take);
          }}
        >
          <p>{t('importDrop')}</p>
          <input
            ref={input}
            id="import-files"
            class="visually-hidden"
            type="file"
            multiple
            accept=".xml,.pdf,.zip,application/xml,text/xml,application/pdf,application/zip"
            data-testid="import-input"
            disabled={busy}
            onChange={(e) => {
              const list = (e.currentTarget as HTMLInputElement).files;
              void take([...(list ?? [])].map((f) => ({ name: f.name, blob: f })));
              (e.currentTarget as HTMLInputElement).value = '';
            }}
          />
          <button type="button" class="primary" disabled={busy} onClick={() => input.current?.click()}>
            {t('importPick')}
          </button>
          {stage.step === 'reading' ? <p role="status">{t('importReading', { count: stage.read })}</p> : null}
          {stage.step === 'checking' ? <p role="status">{t('importChecking')}</p> : null}
        </section>
      ) : null}
      {problem ? (
        <p class="message error" role="alert" data-testid="import-problem">
          {problem}
        </p>
      ) : null}
      {stage.step === 'preview' ? (
        <Preview t={t} language={language} drop={stage.drop} onSend={() => send(stage.drop)} onDiscard={() => discard(stage.drop)} />
      ) : null}
      {stage.step === 'sent' ? (
        <section data-testid="import-sent">
          <p class="message success" role="status">
            {t('importQueued', { queued: stage.queued, already: stage.already })}
          </p>
          {progress ? (
            <div data-testid="import-progress">
              <ProgressBar t={t} progress={progress} language={language} />
              <div class="actions">
                {progress.paused ? (
                  <button type="button" onClick={() => void ask({ type: 'export.resume' }).then((a) => a.ok && setProgress(a.value))}>
                    {t('exportResume')}
                  </button>
                ) : progress.remaining > 0 ? (
                  <button type="button" onClick={() => void ask({ type: 'export.pause' }).then((a) => a.ok && setProgress(a.value))}>
                    {t('exportPause')}
                  </button>
                ) : null}
              </div>
            </div>
          ) : null}
          <div class="actions">
            <button type="button" onClick={() => setStage({ step: 'idle' })} data-testid="import-again">
              {t('importAnother')}
            </button>
          </div>
        </section>
      ) : null}
    </main>
  );
}

type T = ReturnType<typeof translator>;

function Preview({
  t,
  language,
  drop,
  onSend,
  onDiscard,
}: {
  t: T;
  language: Language;
  drop: PreparedDrop;
  onSend: () => Promise<void>;
  onDiscard: () => Promise<void>;
}) {
  const [sending, setSending] = useState(false);
  const s = drop.summary;
  const total = drop.toSend.length;
  return (
    <section data-testid="import-preview" aria-labelledby="import-summary-heading">
      <h2 id="import-summary-heading" class="visually-hidden">
        {t('importHeading')}
      </h2>
      <ul class="summary" data-testid="import-summary">
        <li>{t('importInvoices', { count: s.invoices })}</li>
        <li>{t('importCreditNotes', { count: s.creditNotes })}</li>
        <li>{t('importPdfs', { count: s.pdfs })}</li>
        <li>{t('importSuppliers', { count: s.suppliers })}</li>
      </ul>
      {s.totals.length ? (
        <>
          <h2>{t('importTotals')}</h2>
          <ul class="summary" data-testid="import-totals">
            {s.totals.map((x) => (
              <li key={x.currency}>{formatMoney(language, x.amount, x.currency)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {s.generatedPdfs ? (
        <p class="message note" data-testid="import-generated">
          {t('importGenerated', { count: s.generatedPdfs })}
        </p>
      ) : null}
      {drop.untagged ? (
        <p class="message note" data-testid="import-untagged">
          {t('importUntagged', { count: drop.untagged })}
        </p>
      ) : null}
      {drop.skipped.length ? (
        <>
          <h2>{t('importSkipped', { count: drop.skipped.length })}</h2>
          <ul class="skipped" data-testid="import-skipped">
            {drop.skipped.slice(0, 500).map((entry, i) => (
              <li key={i} data-name={entry.name}>
                <strong class="number">{entry.name}</strong>:{' '}
                {entry.kind === 'read' ? describeSkip(t, language, entry) : describeVerdict(t, entry.verdict)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div class="actions">
        {total ? (
          <button
            type="button"
            class="primary"
            disabled={sending}
            data-testid="import-send"
            onClick={() => {
              setSending(true);
              void onSend().finally(() => setSending(false));
            }}
          >
            {t('importSend', { count: total })}
          </button>
        ) : (
          <p class="message note" data-testid="import-nothing">
            {t('importNothingNew')}
          </p>
        )}
        <button type="button" data-testid="import-discard" onClick={() => void onDiscard()}>
          {t('importDiscard')}
        </button>
      </div>
    </section>
  );
}
