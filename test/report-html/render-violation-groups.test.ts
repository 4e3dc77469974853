import { describe, expect, it } from 'vitest';
import { groupViolations } from '../../cli/report-html/group-violations.js';
import { renderViolationGroups } from '../../cli/report-html/render-violation-groups.js';
import { checkedEvent } from './report-fixtures.js';

const events = [
  checkedEvent('add_payment_info', 'datalayer', [
    { code: 'missing_required', path: '/items', message: '"items" is required' },
  ]),
  checkedEvent('add_payment_info', 'ga4', [
    { code: 'missing_required', path: '/items', message: '"items" is required' },
  ]),
  ...['a', 'b', 'c', 'd', 'e'].map((suffix) =>
    checkedEvent(`select_item_${suffix}`, 'ga4', [
      { code: 'naming_convention', severity: 'warning', path: '/Item Name' },
    ]),
  ),
  checkedEvent('</td><script>alert(1)</script>', 'ga4', [
    {
      code: 'pii_suspected',
      path: '/q',
      message: '"q" looks like an email address (<script>x@example.com</script>)',
    },
  ]),
];
const html = renderViolationGroups(groupViolations(events));
const groupHtml = (code: string) => {
  const start = html.indexOf(`data-code="${code}"`);
  return html.slice(start, html.indexOf('</div>', start));
};

describe('the violations-by-code section', () => {
  it('counts the violations and their codes in its heading', () => {
    expect(html).toContain('data-testid="violation-groups"');
    expect(html).toContain('<h2>Violations by code: 8 in 3 codes</h2>');
  });

  it.each([
    ['missing_required', 2, 'error', 2],
    ['pii_suspected', 1, 'error', 1],
    ['naming_convention', 5, 'warning', 3],
  ])('gives %s its count, severity and examples', (code, count, severity, examples) => {
    const group = groupHtml(code);
    expect(group).toContain(`<h3><code>${code}</code>: ${count} (${severity})</h3>`);
    expect(group.match(/<tr><td>/g)).toHaveLength(examples);
  });

  it('lists each example with its event, layer, path, message and where it came from', () => {
    expect(groupHtml('missing_required')).toMatch(
      /<tr><td>add_payment_info<\/td><td>datalayer<\/td><td>\/items<\/td><td>&quot;items&quot; is required<\/td><td>http:\/\/127\.0\.0\.1:8080\/checkout \(extension tab 7#\d+\)<\/td><\/tr>/,
    );
    expect(groupHtml('missing_required')).toContain('<p>In <code>add_payment_info</code>.</p>');
  });

  it('says how many more a code has than it shows', () => {
    expect(groupHtml('naming_convention')).toContain('and 2 more of this code');
    expect(groupHtml('missing_required')).not.toContain('more of this code');
  });

  it('draws a bar per code, coloured by severity', () => {
    expect(html).toContain('data-testid="chart-violations-chart"');
    expect(html).toContain(
      'Violations per code: missing_required 2; pii_suspected 1; naming_convention 5',
    );
  });

  it('shows an event name and a parameter value with markup as text', () => {
    expect(html).not.toMatch(/<script|<\/td><script/);
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('(&lt;script&gt;x@example.com&lt;/script&gt;)');
  });

  it('says so when no event broke the plan', () => {
    expect(renderViolationGroups([])).toContain('<p>No violations.</p>');
  });
});
