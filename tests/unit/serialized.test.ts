/** The one-at-a-time shape of the Yokoy index's refresh and save (lib/export/serialized.ts). */
import { describe, expect, it } from 'vitest';
import { serialized } from '../../lib/export/serialized';

/** A task whose runs end when the test says; each run answers what `state` was when it started. */
function gated() {
  let state = 0;
  const started: number[] = [];
  const ends: (() => void)[] = [];
  const task = serialized(async () => {
    const seen = state;
    started.push(seen);
    await new Promise<void>((done) => ends.push(done));
    return seen;
  });
  const endNext = async () => {
    while (!ends.length) await new Promise((r) => setTimeout(r, 0));
    ends.shift()!();
  };
  return { task, started, endNext, set: (v: number) => (state = v) };
}

describe('serialized', () => {
  it('answers callers who arrive during a run with one more run, started after their calls', async () => {
    const g = gated();
    const first = g.task();
    g.set(1);
    const second = g.task();
    const third = g.task();
    expect(g.started).toEqual([0]); // never two at once
    await g.endNext();
    expect(await first).toBe(0);
    await g.endNext();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
    expect(g.started).toEqual([0, 1]); // the two late callers shared one run
  });

  it('runs again after a failed run, for the callers that waited on it', async () => {
    let calls = 0;
    const task = serialized(async () => {
      calls++;
      if (calls === 1) throw new Error('Yokoy unreachable');
      return calls;
    });
    const failed = task();
    const after = task();
    await expect(failed).rejects.toThrow('Yokoy unreachable');
    expect(await after).toBe(2);
    expect(await task()).toBe(3); // nothing under way: a call starts its own run
  });
});
