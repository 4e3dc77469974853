import { escapeHtml } from './escape-html.js';

/** What a segment means, drawn in one colour per meaning across every chart. */
export type ChartTone = 'good' | 'bad' | 'warn' | 'info' | 'muted';

export interface ChartSegment {
  label: string;
  value: number;
  tone: ChartTone;
}

/** One horizontal bar; a bar of several segments is drawn stacked, left to right. */
export interface ChartBar {
  label: string;
  segments: ChartSegment[];
}

export interface BarChart {
  /** A fixed word, unique on the page: the ids that tie the text alternative to the picture. */
  id: string;
  title: string;
  bars: ChartBar[];
}

const TONE_COLOURS: Record<ChartTone, string> = {
  good: '#3d9a5b',
  bad: '#c8473f',
  warn: '#d9a520',
  info: '#4a7fc1',
  muted: '#c3cad2',
};
const WIDTH = 720;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 56;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 16;
const LONGEST_LABEL = 28;

/**
 * A horizontal bar chart as inline SVG: no script, no external asset, every label escaped.
 * The picture is tied (`aria-labelledby`) to a title and a description that list every value,
 * and the same sentence is shown beneath it as the caption, so the numbers never live only in
 * the drawing.
 */
export function renderBarChartSvg(chart: BarChart): string {
  const totals = chart.bars.map(totalOf);
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / Math.max(1, ...totals);
  const legend = legendEntries(chart.bars);
  const height = chart.bars.length * ROW_HEIGHT + 4;
  const description = describeChart(chart);
  const rows = chart.bars.map((bar, index) => barOf(bar, index * ROW_HEIGHT + 2, scale));
  const id = escapeHtml(chart.id);

  return [
    `<figure data-testid="chart-${id}">`,
    `<svg role="img" aria-labelledby="${id}-title ${id}-desc" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<title id="${id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`,
    ...rows,
    '</svg>',
    legend.length > 1 ? renderLegend(legend) : '',
    `<figcaption>${escapeHtml(chart.title)}: ${escapeHtml(description)}</figcaption>`,
    '</figure>',
  ].join('\n');
}

function barOf(bar: ChartBar, top: number, scale: number): string {
  let left = LABEL_WIDTH;
  const rects = bar.segments.flatMap((segment) => {
    const width = countOf(segment.value) * scale;
    if (width <= 0) return [];
    const rect = `<rect x="${round(left)}" y="${top + 2}" width="${round(width)}" height="${BAR_HEIGHT}" fill="${TONE_COLOURS[segment.tone]}"><title>${escapeHtml(`${bar.label}, ${segment.label}: ${countOf(segment.value)}`)}</title></rect>`;
    left += width;
    return [rect];
  });
  const baseline = top + 2 + BAR_HEIGHT - 4;
  return [
    `<text x="${LABEL_WIDTH - 8}" y="${baseline}" text-anchor="end">${escapeHtml(shorten(bar.label))}</text>`,
    ...rects,
    `<text x="${round(left) + 6}" y="${baseline}">${totalOf(bar)}</text>`,
  ].join('');
}

// The kinds the drawing shows: a kind with nothing in any bar would only be noise.
function legendEntries(bars: ChartBar[]): Array<[string, ChartTone]> {
  const seen = new Map<string, ChartTone>();
  for (const segment of bars.flatMap((bar) => bar.segments))
    if (countOf(segment.value) > 0 && !seen.has(segment.label))
      seen.set(segment.label, segment.tone);
  return [...seen];
}

// In HTML beside the drawing, so long labels wrap instead of running off its edge.
function renderLegend(legend: Array<[string, ChartTone]>): string {
  const keys = legend.map(
    ([label, tone]) =>
      `<span><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${TONE_COLOURS[tone]}"></rect></svg> ${escapeHtml(label)}</span>`,
  );
  return `<p class="chart-legend" aria-hidden="true">${keys.join('')}</p>`;
}

function describeChart(chart: BarChart): string {
  if (chart.bars.length === 0) return 'nothing to show';
  return chart.bars
    .map((bar) => {
      const parts = bar.segments.filter((segment) => countOf(segment.value) > 0);
      if (bar.segments.length === 1 || parts.length === 0) return `${bar.label} ${totalOf(bar)}`;
      const detail = parts.map((segment) => `${countOf(segment.value)} ${segment.label}`);
      return `${bar.label} ${totalOf(bar)} (${detail.join(', ')})`;
    })
    .join('; ');
}

function totalOf(bar: ChartBar): number {
  return bar.segments.reduce((sum, segment) => sum + countOf(segment.value), 0);
}

// A count from data: anything that is not a finite positive number draws as nothing, and no
// sum of counts can overflow to Infinity.
function countOf(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.min(value, Number.MAX_SAFE_INTEGER) : 0;
}

function shorten(label: string): string {
  return label.length > LONGEST_LABEL ? `${label.slice(0, LONGEST_LABEL - 1)}…` : label;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
