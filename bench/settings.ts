/**
 * How much each benchmark repeats, in full mode (`npm run bench`: enough runs to quote a
 * median) and short mode (`--short`, the e2e test: proves the scripts still work, numbers
 * only indicative).
 */
export interface BenchSettings {
  page: { loads: number; idleMs: number; tracedLoads: number };
  /** `coldOpens`: toolbar popups opened per language, each after stopping the worker. */
  popup: { opens: number; coldOpens: number };
  guide: { actions: number; bigPageRows: number; bigPageFrames: number };
  coldstart: { runs: number };
  export: {
    invoices: number;
    rounds: number;
    latencyMs: number;
    banqupLatencyMs: number;
    alreadyInYokoy: number[];
    resumeInvoices: number;
    resumeStops: number;
  };
  /** History sizes (jobs stored) and repetitions per size. */
  scale: { sizes: number[]; runs: number };
  reconcile: { documents: number; again: number };
  /** `judge`: hold the growth to its budget (short archives are too small: V8's own start-up heap dominates). */
  import: { small: number; large: number; pdfBytes: number; judge: boolean };
}

export const fullSettings: BenchSettings = {
  page: { loads: 200, idleMs: 10_000, tracedLoads: 10 },
  popup: { opens: 30, coldOpens: 15 },
  guide: { actions: 24, bigPageRows: 3_000, bigPageFrames: 300 },
  coldstart: { runs: 20 },
  export: {
    invoices: 10_000,
    rounds: 1,
    latencyMs: 200,
    banqupLatencyMs: 50,
    alreadyInYokoy: [0, 2_000, 20_000],
    resumeInvoices: 300,
    resumeStops: 3,
  },
  scale: { sizes: [40, 10_000, 50_000, 100_000], runs: 5 },
  reconcile: { documents: 20_000, again: 3 },
  import: { small: 500, large: 2_000, pdfBytes: 30_000, judge: true },
};

export const shortSettings: BenchSettings = {
  page: { loads: 3, idleMs: 2_000, tracedLoads: 1 },
  popup: { opens: 5, coldOpens: 3 },
  guide: { actions: 4, bigPageRows: 3_000, bigPageFrames: 30 },
  coldstart: { runs: 3 },
  export: { invoices: 100, rounds: 1, latencyMs: 200, banqupLatencyMs: 50, alreadyInYokoy: [0, 500], resumeInvoices: 60, resumeStops: 1 },
  scale: { sizes: [40, 3_000], runs: 2 },
  reconcile: { documents: 1_000, again: 1 },
  import: { small: 40, large: 160, pdfBytes: 10_000, judge: false },
};

/** The benchmarks, in the order they run (the export, the reconcile and the import last: they fill the stores). */
export const benchmarkNames = ['bundle', 'page', 'popup', 'guide', 'coldstart', 'scale', 'export', 'reconcile', 'import'] as const;
export type BenchmarkName = (typeof benchmarkNames)[number];
