/**
 * What every benchmark hands back: one Figure per measured quantity, with its samples, the
 * summary a table quotes (median, min, max) and the budget it is held to. Kept apart from the
 * measuring code so the table, the JSON and the test read one shape.
 */
import { summarize } from './stats';

export type Unit = 'KB' | 'ms' | 'ratio' | 'MB' | 'inv/s' | 'count';

/** A budget is an upper bound (`max`) or a lower bound (`min`); `text` is what the table shows. */
export interface Budget {
  max?: number;
  min?: number;
  text: string;
}

export type Verdict = 'pass' | 'miss' | 'info' | 'not measured';

export interface Figure {
  /** The benchmark it belongs to (the names `--only` takes). */
  group: string;
  /** Stable id, e.g. `bundle.popup.gzip`. */
  id: string;
  label: string;
  unit: Unit;
  samples: number[];
  median: number | null;
  min: number | null;
  max: number | null;
  runs: number;
  budget?: Budget;
  verdict: Verdict;
  /** What the number is made of, or why it is missing. */
  note?: string;
}

export interface FigureInput {
  group: string;
  id: string;
  label: string;
  unit: Unit;
  samples: number[];
  budget?: Budget;
  note?: string;
  /** When one derived number stands for many runs (a ratio of medians). */
  runs?: number;
}

/** Summarises the samples and judges the median against the budget (no budget: `info`). */
export function figure(input: FigureInput): Figure {
  const s = summarize(input.samples);
  let verdict: Verdict = 'info';
  if (s.median === null) verdict = 'not measured';
  else if (input.budget) {
    const over = input.budget.max !== undefined && s.median > input.budget.max;
    const under = input.budget.min !== undefined && s.median < input.budget.min;
    verdict = over || under ? 'miss' : 'pass';
  }
  return { ...input, ...s, runs: input.runs ?? input.samples.length, verdict };
}

/** A figure that could not be measured, with the reason (the table says so instead of failing). */
export function notMeasured(input: Omit<FigureInput, 'samples' | 'runs'> & { note: string }): Figure {
  return { ...input, samples: [], median: null, min: null, max: null, runs: 0, verdict: 'not measured' };
}
