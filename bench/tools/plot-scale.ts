/**
 * Draws cost against history size as an SVG for the README (no dependencies, no network):
 * the scale benchmark's points (bench/scale.ts, in bench/results/latest.json under `scale`)
 * as solid lines, and the figures measured before issue 16 (its growth table) as dashed ones.
 * Log scale for time (1 ms … 10 s), linear for jobs.
 *
 *   npx tsx bench/tools/plot-scale.ts [results.json] [out.svg]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Point = { jobs: number; ms: number };
interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  points: Point[];
}

/** Before (issue 16's table, loaded 2-core machine). */
export const before: Series[] = [
  {
    label: 'History tab, before (polled, all jobs read)',
    color: '#b91c1c',
    dashed: true,
    points: [
      { jobs: 40, ms: 8 },
      { jobs: 10_000, ms: 347 },
      { jobs: 50_000, ms: 3_350 },
    ],
  },
  {
    label: 'Worker start → ready, before',
    color: '#7c3aed',
    dashed: true,
    points: [
      { jobs: 40, ms: 84 },
      { jobs: 10_000, ms: 638 },
      { jobs: 50_000, ms: 2_670 },
    ],
  },
];

export function plotSvg(series: Series[], options: { title: string; maxJobs: number }): string {
  const W = 760;
  const H = 420;
  const m = { left: 70, right: 40, top: 40, bottom: 120 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const x = (jobs: number) => m.left + (jobs / options.maxJobs) * pw;
  const lo = 0; // log10(1 ms)
  const hi = 4; // log10(10 s)
  const y = (ms: number) => m.top + ph - ((Math.log10(Math.max(1, ms)) - lo) / (hi - lo)) * ph;
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="${esc(options.title)}">`,
  );
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${esc(options.title)}</text>`);
  for (const ms of [1, 10, 100, 1_000, 10_000]) {
    out.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${y(ms)}" y2="${y(ms)}" stroke="#e2e8f0"/>`);
    out.push(
      `<text x="${m.left - 8}" y="${y(ms) + 4}" text-anchor="end" fill="#475569">${ms >= 1_000 ? `${ms / 1_000} s` : `${ms} ms`}</text>`,
    );
  }
  for (let i = 0; i <= 5; i++) {
    const jobs = (options.maxJobs / 5) * i;
    out.push(`<line x1="${x(jobs)}" x2="${x(jobs)}" y1="${m.top}" y2="${m.top + ph}" stroke="#f1f5f9"/>`);
    out.push(`<text x="${x(jobs)}" y="${m.top + ph + 18}" text-anchor="middle" fill="#475569">${jobs.toLocaleString('en')}</text>`);
  }
  out.push(`<text x="${m.left + pw / 2}" y="${m.top + ph + 38}" text-anchor="middle" fill="#0f172a">jobs in the history</text>`);
  out.push(`<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#94a3b8"/>`);
  series.forEach((s, i) => {
    const pts = s.points.filter((p) => p.jobs <= options.maxJobs);
    const d = pts.map((p, k) => `${k ? 'L' : 'M'}${x(p.jobs).toFixed(1)},${y(p.ms).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="7 5"' : ''}/>`);
    for (const p of pts)
      out.push(
        `<circle cx="${x(p.jobs).toFixed(1)}" cy="${y(p.ms).toFixed(1)}" r="3.5" fill="${s.color}"><title>${esc(s.label)}: ${p.ms.toFixed(1)} ms at ${p.jobs.toLocaleString('en')} jobs</title></circle>`,
      );
    // Legend, two columns under the plot.
    const lx = m.left + (i % 2) * (pw / 2);
    const ly = m.top + ph + 62 + Math.floor(i / 2) * 20;
    out.push(
      `<line x1="${lx}" x2="${lx + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="7 5"' : ''}/>`,
    );
    out.push(`<text x="${lx + 36}" y="${ly}" fill="#0f172a">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const input = process.argv[2] ?? resolve(import.meta.dirname, '../results/latest.json');
  const output = process.argv[3] ?? resolve(import.meta.dirname, '../../docs/performance-scale.svg');
  const record = JSON.parse(readFileSync(input, 'utf8')) as {
    scale?: { jobs: number; firstRowsMs: number; readyMs: number; scrollStepMs: number }[];
  };
  if (!record.scale?.length) throw new Error(`${input} has no scale points: run npm run bench -- --only scale`);
  const after = (label: string, color: string, get: (p: NonNullable<typeof record.scale>[number]) => number): Series => ({
    label,
    color,
    points: record.scale!.map((p) => ({ jobs: p.jobs, ms: get(p) })),
  });
  const series = [
    ...before,
    after('History tab → first rows, after (paged, pushed)', '#1d4ed8', (p) => p.firstRowsMs),
    after('Worker start → ready, after (indexes only)', '#15803d', (p) => p.readyMs),
    after('History scroll step, after (virtual list)', '#0891b2', (p) => p.scrollStepMs),
  ];
  const maxJobs = Math.max(100_000, ...record.scale.map((p) => p.jobs));
  writeFileSync(output, plotSvg(series, { title: 'Cost against history size (lower is better; log scale)', maxJobs }));
  console.log(`written ${output}`);
}
