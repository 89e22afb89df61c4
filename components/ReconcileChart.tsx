/**
 * The reconcile per month, as grouped bars (no chart library: a few rects), with the numbers
 * written on the bars so it reads at a glance, and the same numbers in a table behind it for
 * screen readers and for anyone who prefers figures. Colours differ in lightness too, and each
 * series has its own label, so the chart does not rest on colour alone.
 */
// Its words are a section of the app catalogue, joined when this view's chunk loads.
import '../lib/i18n/pages';
import type { MessageKey } from '../lib/i18n/app';
import type { MonthCounts } from '../lib/reconcile/report';

type T = (key: MessageKey, params?: Record<string, string>) => string;

export const chartSeries = [
  { key: 'inBanqup', label: 'reconcileSeriesBanqup', colour: '#334155' },
  { key: 'inYokoy', label: 'reconcileSeriesYokoy', colour: '#16a34a' },
  { key: 'missing', label: 'reconcileSeriesMissing', colour: '#dc2626' },
  { key: 'duplicated', label: 'reconcileSeriesDuplicated', colour: '#d97706' },
] as const satisfies readonly { key: keyof MonthCounts; label: MessageKey; colour: string }[];

export function monthLabel(language: string, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

const BAR = 22;
const GAP = 4;
const GROUP_GAP = 28;
const HEIGHT = 180;
const TOP = 18;
const BOTTOM = 24;

export function ReconcileChart({ t, language, months }: { t: T; language: string; months: MonthCounts[] }) {
  const number = new Intl.NumberFormat(language);
  const max = Math.max(1, ...months.map((m) => m.inBanqup), ...months.map((m) => m.inYokoy));
  const groupWidth = chartSeries.length * (BAR + GAP) - GAP;
  const width = GROUP_GAP + months.length * (groupWidth + GROUP_GAP);
  const plot = HEIGHT - TOP - BOTTOM;
  return (
    <figure class="chart" data-testid="reconcile-chart">
      <figcaption id="reconcile-chart-caption">{t('reconcileChartLabel')}</figcaption>
      <ul class="legend" aria-hidden="true">
        {chartSeries.map((s) => (
          <li key={s.key}>
            <span class="swatch" style={{ background: s.colour }} />
            {t(s.label)}
          </li>
        ))}
      </ul>
      <div class="chart-scroll">
        <svg role="img" aria-labelledby="reconcile-chart-caption" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
          <line x1={0} x2={width} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#94a3b8" />
          {months.map((m, g) => {
            const x0 = GROUP_GAP + g * (groupWidth + GROUP_GAP);
            return (
              <g key={m.month} data-month={m.month}>
                {chartSeries.map((s, i) => {
                  const value = m[s.key];
                  const h = Math.round((value / max) * plot);
                  const x = x0 + i * (BAR + GAP);
                  return (
                    <g key={s.key}>
                      <rect x={x} y={HEIGHT - BOTTOM - h} width={BAR} height={Math.max(h, value ? 1 : 0)} fill={s.colour}>
                        <title>{`${monthLabel(language, m.month)} · ${t(s.label)}: ${number.format(value)}`}</title>
                      </rect>
                      <text
                        x={x + BAR / 2}
                        y={HEIGHT - BOTTOM - h - 4}
                        text-anchor="middle"
                        font-size="11"
                        data-series={s.key}
                        data-month={m.month}
                      >
                        {number.format(value)}
                      </text>
                    </g>
                  );
                })}
                <text x={x0 + groupWidth / 2} y={HEIGHT - 6} text-anchor="middle" font-size="12">
                  {monthLabel(language, m.month)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <table class="chart-table" data-testid="reconcile-chart-table">
        <thead>
          <tr>
            <th scope="col">{t('reconcileMonth')}</th>
            {chartSeries.map((s) => (
              <th scope="col" key={s.key}>
                {t(s.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} data-month={m.month}>
              <th scope="row">{monthLabel(language, m.month)}</th>
              {chartSeries.map((s) => (
                <td key={s.key} data-series={s.key}>
                  {number.format(m[s.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
