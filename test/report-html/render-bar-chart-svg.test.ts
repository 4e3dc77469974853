import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBarChartSvg, type BarChart } from '../../cli/report-html/render-bar-chart-svg.js';

const violationsChart: BarChart = {
  id: 'violations-chart',
  title: 'Violations per code',
  bars: [
    { label: 'missing_required', segments: [{ label: 'error', value: 4, tone: 'bad' }] },
    { label: 'naming_convention', segments: [{ label: 'warning', value: 1, tone: 'warn' }] },
  ],
};
const coverageChart: BarChart = {
  id: 'coverage-chart',
  title: 'Planned events per layer',
  bars: [
    {
      label: 'GA4 hit',
      segments: [
        { label: 'fired, valid', value: 8, tone: 'good' },
        { label: 'some invalid', value: 3, tone: 'bad' },
        { label: 'not fired', value: 0, tone: 'muted' },
      ],
    },
  ],
};

const widths = (svg: string) =>
  [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((match) =>
    Number(match[1]),
  );

describe('bar charts as inline SVG', () => {
  it('draws one bar per entry, the longest across the plot and the others in proportion', () => {
    const svg = renderBarChartSvg(violationsChart);
    expect(svg.match(/<svg role="img"/g)).toHaveLength(1);
    const [longest, shorter] = widths(svg);
    expect(longest).toBe(464);
    expect(shorter).toBeCloseTo(464 / 4, 0);
    expect(svg).toContain('>missing_required</text>');
    expect(svg).toContain('>4</text>');
  });

  it('stacks the segments of a bar and skips the empty ones, with a legend of the kinds drawn', () => {
    const svg = renderBarChartSvg(coverageChart);
    const bars = svg.slice(0, svg.indexOf('</svg>'));
    expect(widths(bars)).toHaveLength(2);
    expect(bars).toContain('<title>GA4 hit, some invalid: 3</title>');
    const legend = svg.slice(svg.indexOf('class="chart-legend"'));
    expect(legend).toMatch(/fired, valid[^]*some invalid/);
    expect(legend).not.toContain('not fired');
    const errorsOnly = { ...violationsChart, bars: violationsChart.bars.slice(0, 1) };
    expect(renderBarChartSvg(errorsOnly)).not.toContain('chart-legend');
  });

  it('ties the picture to a text alternative naming every value, shown as the caption too', () => {
    const svg = renderBarChartSvg(coverageChart);
    expect(svg).toContain('aria-labelledby="coverage-chart-title coverage-chart-desc"');
    expect(svg).toContain('<title id="coverage-chart-title">Planned events per layer</title>');
    const alternative = 'GA4 hit 11 (8 fired, valid, 3 some invalid)';
    expect(svg).toContain(`<desc id="coverage-chart-desc">${alternative}</desc>`);
    expect(svg).toContain(`<figcaption>Planned events per layer: ${alternative}</figcaption>`);
    expect(svg).toContain('data-testid="chart-coverage-chart"');
  });

  it('shows a label with markup as text, and cuts a long one short in the drawing only', () => {
    const label = '<script>alert(1)</script> and a label far too long to fit';
    const svg = renderBarChartSvg({
      id: 'x',
      title: 't',
      bars: [{ label, segments: [{ label: '"><img src=x>', value: 2, tone: 'info' }] }],
    });
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).toContain('>&lt;script&gt;alert(1)&lt;/script&gt; a…</text>');
    expect(svg).toContain('<desc id="x-desc">&lt;script&gt;alert(1)&lt;/script&gt; and a label');
  });

  it('draws nothing for counts that are not finite and positive, and never throws (fuzzed)', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0));
    const chart = fc.record({
      id: fc.constant('fuzz'),
      title: fc.string(),
      bars: fc.array(
        fc.record({
          label: fc.string(),
          segments: fc.array(
            fc.record({
              label: fc.string(),
              value,
              tone: fc.constantFrom('good', 'bad', 'warn', 'info', 'muted' as const),
            }),
          ),
        }),
      ),
    });
    fc.assert(
      fc.property(chart, (drawn) => {
        const svg = renderBarChartSvg(drawn);
        expect(svg).not.toMatch(/NaN|Infinity|width="-/);
        expect(svg.match(/<svg role="img"/g)).toHaveLength(1);
      }),
    );
  });
});
