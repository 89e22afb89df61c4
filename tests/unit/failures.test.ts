/**
 * Failures are typed values end to end: reasons stored before (`{ code: 'yokoy:validation' }`)
 * become typed once, in IndexedDB (upgrade 8) and in the paused queue's storage (migration 2);
 * every kind has its own sentence in every language; the CSV keeps its `source:kind` codes.
 */
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openCompanionDB } from '../../lib/db/schema';
import { historyCsvRows } from '../../lib/export/csv';
import { newJob } from '../../lib/export/job';
import { createJobStore } from '../../lib/export/job-store';
import { describeProblem, describeReason, isKnownFailure } from '../../lib/failures/describe';
import { companionFailure, failureCode, noAnswer, type Failure } from '../../lib/failures/failure';
import { fromLegacyReason } from '../../lib/failures/legacy';
import { languages } from '../../lib/i18n';
import { loadLanguage, translator } from '../../lib/i18n/app';
// The reconcile kinds are worded in the pages section (describe.ts joins the export one itself).
import '../../lib/i18n/pages';
import { exportControlItem } from '../../lib/settings/items';

describe('reasons stored before failures were typed', () => {
  it.each([
    [
      { code: 'yokoy:validation', detail: 'Invalid UBL' },
      { source: 'yokoy', kind: 'validation', detail: 'Invalid UBL' },
    ],
    [
      { code: 'yokoy:legal-entity-gone', detail: 'le-1' },
      { source: 'yokoy', kind: 'legal-entity-gone', detail: 'le-1' },
    ],
    [{ code: 'banqup:signed-out' }, { source: 'banqup', kind: 'signed-out' }],
    [{ code: 'banqup:not-a-pdf' }, { source: 'banqup', kind: 'not-a-pdf' }],
    [
      { code: 'export:ambiguous-match', detail: 'y1, y2' },
      { source: 'companion', kind: 'ambiguous-match', detail: 'y1, y2' },
    ],
    [
      { code: 'internal', detail: 'TypeError: x' },
      { source: 'companion', kind: 'internal', detail: 'TypeError: x' },
    ],
  ])('%j becomes %j', (stored, typed) => {
    expect(fromLegacyReason(stored)).toEqual(typed);
  });

  it.each(['yokoy:teapot', 'nonsense', 'banqup:', ':validation'])(
    'an unknown code (%s) becomes an internal failure that keeps it',
    (code) => {
      const typed = fromLegacyReason({ code, detail: 'd' });
      expect(typed).toEqual({ source: 'companion', kind: 'internal', detail: `${code}: d` });
      expect(isKnownFailure(typed)).toBe(true);
    },
  );

  it('jobs stored by version 7 read back typed after upgrade 8', async () => {
    const name = `failures-upgrade-${Date.now()}`;
    const old = await openDB(name, 7, {
      upgrade(db) {
        db.createObjectStore('keys');
        db.createObjectStore('vault', { keyPath: 'name' });
        const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
        for (const [index, path] of [
          ['byState', 'state'],
          ['byUpdated', 'updatedAt'],
          ['byRun', 'runId'],
          ['byStateDue', ['state', 'nextAttemptAt']],
          ['byRunState', ['runId', 'state']],
          ['byBucket', ['legalEntityId', 'bucket']],
          ['byStateUpdated', ['state', 'updatedAt']],
          ['byUntagged', 'untaggedSince'],
        ] as const)
          jobs.createIndex(index, path as string | string[]);
        db.createObjectStore('yokoyInvoices', { keyPath: 'key' }).createIndex('byEntity', 'legalEntityId');
        db.createObjectStore('yokoySync', { keyPath: 'legalEntityId' });
        db.createObjectStore('importFiles', { keyPath: 'id' }).createIndex('byStaged', 'stagedAt');
        db.createObjectStore('importBytes');
      },
    });
    const job = (id: string, reason?: unknown) => ({
      ...newJob({ documentId: id, legalEntityId: 'le', source: 'backfill', now: 1 }),
      state: 'failed',
      reason,
    });
    await old.put('jobs', job('a', { code: 'yokoy:validation', detail: 'Invalid UBL' }));
    await old.put('jobs', job('b', { code: 'export:ambiguous-match', detail: 'y1, y2' }));
    await old.put('jobs', job('c'));
    old.close();
    const store = createJobStore(() => openCompanionDB(name));
    const reasons = (await store.inState('failed')).map((j) => [j.documentId, j.reason]);
    expect(Object.fromEntries(reasons)).toEqual({
      a: { source: 'yokoy', kind: 'validation', detail: 'Invalid UBL' },
      b: { source: 'companion', kind: 'ambiguous-match', detail: 'y1, y2' },
      c: undefined,
    });
  });

  describe('a queue paused by an older version', () => {
    beforeEach(() => fakeBrowser.reset());

    it('keeps its reason, typed', async () => {
      await fakeBrowser.storage.local.set({
        exportControl: { paused: true, pauseReason: { code: 'yokoy:invalid-client', detail: 'revoked' } },
        exportControl$: { v: 1 },
      });
      await exportControlItem.migrate();
      expect(await exportControlItem.getValue()).toEqual({
        paused: true,
        pauseReason: { source: 'yokoy', kind: 'invalid-client', detail: 'revoked' },
      });
    });
  });
});

describe('every failure in words', () => {
  const samples: Failure[] = [
    { source: 'yokoy', kind: 'validation', detail: 'Invalid UBL' },
    { source: 'yokoy', kind: 'legal-entity-gone', detail: 'le-1' },
    { source: 'banqup', kind: 'signed-out' },
    { source: 'banqup', kind: 'server' },
    { source: 'banqup', kind: 'not-an-invoice' },
    companionFailure('ambiguous-match', 'y1, y2'),
    companionFailure('internal', 'TypeError'),
    companionFailure('not-verified'),
    companionFailure('no-legal-entity'),
    companionFailure('bad-period'),
    companionFailure('stale-report'),
    companionFailure('other-legal-entity'),
    noAnswer({ detail: 'The message does not match the protocol.' }),
  ];

  it.each(languages)('in %s: a sentence for each, never a bare code or a placeholder', async (language) => {
    await loadLanguage(language);
    const t = translator(language);
    for (const failure of samples) {
      for (const text of [describeReason(t, failure), describeProblem(t, failure)]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).not.toBe(failureCode(failure));
        // A key whose catalogue section is not loaded reads as the key itself.
        expect(text).not.toMatch(/^[a-z]+[A-Z]\w*$/);
      }
    }
  });

  it('a problem with Banqup names what failed; the companion’s own refusal says how to recover', () => {
    const t = translator('en');
    expect(describeProblem(t, { source: 'banqup', kind: 'server' })).toContain('banqup:server');
    expect(describeProblem(t, noAnswer({ detail: 'boom' }))).toMatch(/did not answer \(boom\).*reload the extension/);
  });

  it('the history CSV writes the stable code and the detail', () => {
    const rows = historyCsvRows([
      {
        id: 'j',
        documentId: 'd',
        state: 'failed',
        updatedAt: 0,
        attempts: 1,
        reason: { source: 'yokoy', kind: 'validation', detail: 'bad' },
      },
    ]);
    expect(rows).toContain('yokoy:validation: bad');
  });
});
