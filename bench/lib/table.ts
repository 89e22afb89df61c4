/** Renders figures as the console table and as the markdown table of `latest.md`. */
import type { Figure } from './figure';
import { round } from './stats';

const fmt = (v: number | null, unit: string): string => {
  if (v === null) return '—';
  const digits = unit === 'ratio' ? 3 : unit === 'KB' || unit === 'MB' ? 1 : Math.abs(v) >= 100 ? 0 : 1;
  return String(round(v, digits));
};

function rows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => [
    f.label,
    f.median === null ? '—' : `${fmt(f.median, f.unit)} ${f.unit}`,
    fmt(f.min, f.unit),
    fmt(f.max, f.unit),
    String(f.runs),
    f.budget?.text ?? '—',
    f.verdict,
  ]);
}

const header = ['figure', 'median', 'min', 'max', 'runs', 'budget', 'verdict'];

export function textTable(figures: readonly Figure[]): string {
  const all = [header, ...rows(figures)];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(figures: readonly Figure[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows(figures).map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** The notes under the table: what a number is made of, or why it is missing. */
export function notes(figures: readonly Figure[]): string[] {
  return figures.filter((f) => f.note).map((f) => `${f.label}: ${f.note}`);
}
