/**
 * Writes a run's results: `latest.json` (every sample, for diffing runs) and `latest.md` (the
 * table, the machine, the notes). One pair only: the lead decides what gets committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './figure';
import { machineLine, type Machine } from './machine';
import { markdownTable, notes } from './table';

export interface RunRecord {
  startedAt: string;
  durationSeconds: number;
  mode: 'full' | 'short';
  only: string[] | null;
  machine: Machine;
  settings: Record<string, unknown>;
  figures: Figure[];
  /** Costs per history size (bench/scale.ts), for the README's plot (bench/tools/plot-scale.ts). */
  scale?: { jobs: number; firstRowsMs: number; scrollStepMs: number; csvMs: number; csvRows: number; readyMs: number; heapMB: number }[];
}

export function writeResults(dir: string, record: RunRecord): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const markdown = join(dir, 'latest.md');
  const body = `${JSON.stringify(record, null, 2)}\n`;
  writeFileSync(json, body);
  const md = [
    `# Benchmarks (${record.mode} mode, ${record.startedAt}, ${Math.round(record.durationSeconds)} s)`,
    '',
    `Machine: ${machineLine(record.machine)}`,
    '',
    markdownTable(record.figures),
    '',
    ...notes(record.figures).map((n) => `- ${n}`),
    '',
    `Settings: \`${JSON.stringify(record.settings)}\``,
    '',
  ].join('\n');
  writeFileSync(markdown, md);
  return { json, markdown };
}
