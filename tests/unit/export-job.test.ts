import { describe, expect, it } from 'vitest';
import { InvalidTransition, newJob, transition, type Job } from '../../lib/export/job';

const t0 = 1_000;
const fresh = () => newJob({ documentId: 'd1', legalEntityId: 'le1', source: 'backfill', now: t0 });

describe('export job state machine', () => {
  it('goes queued → fetching → uploading → done and remembers the Yokoy id', () => {
    let job = transition(fresh(), { type: 'start' }, 2);
    expect(job).toMatchObject({ state: 'fetching', attempts: 1 });
    job = transition(job, { type: 'fetched', facts: { invoiceNumber: 'INV-1', supplierName: 'S', total: 10 } }, 3);
    job = transition(job, { type: 'upload-started' }, 4);
    expect(job).toMatchObject({ state: 'uploading', needsLookup: true, uploadStartedAt: 4 });
    job = transition(job, { type: 'created', yokoyInvoiceId: 'y1' }, 5);
    expect(job).toMatchObject({ state: 'done', yokoyInvoiceId: 'y1', needsLookup: false, invoiceNumber: 'INV-1', updatedAt: 5 });
    expect(transition(job, { type: 'tagged' }, 6).tagged).toBe(true);
  });

  it('keeps "look before sending again" once an upload may have reached Yokoy', () => {
    let job = transition(transition(fresh(), { type: 'start' }, 2), { type: 'upload-started' }, 3);
    job = transition(job, { type: 'retry', reason: { source: 'yokoy', kind: 'rate-limited' }, delayMs: 500, outcomeUnknown: false }, 4);
    expect(job).toMatchObject({ state: 'queued', needsLookup: true, nextAttemptAt: 504 });
  });

  it('a retry before any upload needs no look-up, unless the outcome is unknown', () => {
    const fetching = transition(fresh(), { type: 'start' }, 2);
    expect(
      transition(fetching, { type: 'retry', reason: { source: 'banqup', kind: 'network' }, delayMs: 0, outcomeUnknown: false }, 3)
        .needsLookup,
    ).toBe(false);
    expect(
      transition(fetching, { type: 'retry', reason: { source: 'companion', kind: 'internal' }, delayMs: 0, outcomeUnknown: true }, 3)
        .needsLookup,
    ).toBe(true);
  });

  it('a worker stopped mid-upload leaves a queued job that looks first', () => {
    const uploading = transition(transition(fresh(), { type: 'start' }, 2), { type: 'upload-started' }, 3);
    expect(transition(uploading, { type: 'interrupted' }, 9)).toMatchObject({ state: 'queued', needsLookup: true, nextAttemptAt: 9 });
    const fetching = transition(fresh(), { type: 'start' }, 2);
    expect(transition(fetching, { type: 'interrupted' }, 9)).toMatchObject({ state: 'queued', needsLookup: false });
  });

  it('finds an invoice already in Yokoy as a duplicate', () => {
    const job = transition(transition(fresh(), { type: 'start' }, 2), { type: 'found', yokoyInvoiceId: 'y9' }, 3);
    expect(job).toMatchObject({ state: 'duplicate', yokoyInvoiceId: 'y9' });
  });

  it('fails with a reason, and a failed job can be queued again from scratch', () => {
    let job: Job = transition(
      transition(fresh(), { type: 'start' }, 2),
      { type: 'fail', reason: { source: 'yokoy', kind: 'validation', detail: 'bad UBL' } },
      3,
    );
    expect(job).toMatchObject({ state: 'failed', reason: { source: 'yokoy', kind: 'validation' } });
    job = transition(job, { type: 'requeue' }, 4);
    expect(job).toMatchObject({ state: 'queued', attempts: 0, reason: undefined, nextAttemptAt: 4 });
  });

  it('cancels only what has not started', () => {
    expect(transition(fresh(), { type: 'cancel' }, 2).state).toBe('cancelled');
    expect(() => transition(transition(fresh(), { type: 'start' }, 2), { type: 'cancel' }, 3)).toThrow(InvalidTransition);
  });

  it.each([
    ['done', { type: 'start' }],
    ['done', { type: 'upload-started' }],
    ['queued', { type: 'created', yokoyInvoiceId: 'x' }],
    ['failed', { type: 'tagged' }],
    ['cancelled', { type: 'start' }],
  ] as const)('refuses %s + %j', (state, event) => {
    expect(() => transition({ ...fresh(), state }, event, 2)).toThrow(InvalidTransition);
  });
});
