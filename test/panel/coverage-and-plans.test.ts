import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../shared/plan/load-plan.js';
import { analyseSession } from '../../extension/src/panel/model/analyse-session.js';
import { buildCoverage } from '../../extension/src/panel/model/build-coverage.js';
import {
  formatCoverageColumns,
  parseCoverageColumns,
  readCoverageConfig,
} from '../../extension/src/panel/model/coverage-config.js';
import { matchUrlPattern } from '../../extension/src/panel/model/match-url-pattern.js';
import {
  choosePlan,
  readStoredPlan,
  siteKeyOf,
} from '../../extension/src/panel/model/plan-choice.js';
import { ga4RecommendedPlan, readRepoFile, shopPlan, shopSession } from './panel-fixtures.js';

describe('page patterns', () => {
  it.each([
    ['/product/*', 'https://shop.example/product/stan-tee', true],
    ['/product/*', 'https://shop.example/product/', true],
    ['/product/*', 'https://shop.example/products/x', false],
    ['/order/:id/confirm', 'https://shop.example/order/42/confirm', true],
    ['/order/:id/confirm', 'https://shop.example/order/42/x/confirm', false],
    ['/search', 'https://shop.example/search?q=tee', true],
    ['/search?q=*', 'https://shop.example/search?q=tee', true],
    ['/search?q=*', 'https://shop.example/search', false],
    ['/cart', 'https://shop.example/Cart', false],
    ['/a.b', 'https://shop.example/aXb', false],
    ['https://shop.example/cart', 'https://shop.example/cart?x=1', true],
    ['https://shop.example/cart', 'https://other.example/cart', false],
    ['/cart', 'not a url', false],
  ])('%s against %s: %s', (pattern, url, expected) => {
    expect(matchUrlPattern(pattern, url)).toBe(expected);
  });
});

describe('coverage', () => {
  it('counts each planned event per column and lane, and says which expected lanes never saw it', () => {
    const { rows } = analyseSession(shopSession(), shopPlan());
    const table = buildCoverage(rows, shopPlan(), {
      mode: 'journey',
      columns: [
        { label: 'Product', pattern: '/product/*' },
        { label: 'Thanks', pattern: '/checkout/*' },
      ],
    });
    const lanes = (name: string, cell: 'total' | number) => {
      const row = table.rows.find((entry) => entry.name === name);
      const counts = cell === 'total' ? row?.total : row?.cells[cell];
      return counts === undefined
        ? {}
        : Object.fromEntries(Object.entries(counts).map(([lane, value]) => [lane, value.count]));
    };
    expect(table.rows.map((row) => row.name)).toEqual([
      'view_item',
      'add_to_cart',
      'purchase',
      'page_view',
      'search',
    ]);
    expect(lanes('purchase', 1)).toEqual({ datalayer: 1, ga4: 1, sgtm: 1, mirror: 1 });
    expect(lanes('purchase', 0)).toEqual({ datalayer: 0, ga4: 0, sgtm: 0, mirror: 0 });
    expect(lanes('view_item', 0)).toEqual({ datalayer: 1, ga4: 1, sgtm: 0, mirror: 0 });
    const byName = new Map(table.rows.map((row) => [row.name, row]));
    expect(byName.get('add_to_cart')?.neverSeen).toEqual(['ga4', 'sgtm', 'mirror']);
    expect(byName.get('view_item')?.neverSeen).toEqual(['mirror']);
    expect(byName.get('purchase')?.neverSeen).toEqual([]);
    expect(byName.get('page_view')?.isPlanned).toBe(false);
    expect(byName.get('purchase')?.cells[1]?.mirror).toMatchObject({
      violations: 1,
      duplicates: 0,
      consent: { granted: 1 },
      firstSeen: 4_400,
    });
    expect(byName.get('purchase')?.cells[1]?.sgtm).toMatchObject({
      violations: 0,
      duplicates: 1,
      firstSeen: 4_300,
    });
  });

  it('says nothing of a lane the session carries no traffic on, and takes the paths seen as columns by default', () => {
    const session = shopSession();
    session.hits = [];
    const table = buildCoverage(analyseSession(session, shopPlan()).rows, shopPlan(), {
      mode: 'pages',
      columns: [],
    });
    expect(table.observedLanes).toEqual(['datalayer']);
    expect(table.columns).toEqual([
      { label: '/product/stan-tee', pattern: '/product/stan-tee' },
      { label: '/checkout/thanks', pattern: '/checkout/thanks' },
    ]);
    expect(table.rows.find((row) => row.name === 'search')?.neverSeen).toEqual(['datalayer']);
  });

  it('reads columns as "Label = pattern" lines and writes them back the same way', () => {
    const text = '# checkout journey\nProduct = /product/*\n\n/cart\nThanks=/checkout/:step\n = \n';
    const columns = parseCoverageColumns(text);
    expect(columns).toEqual([
      { label: 'Product', pattern: '/product/*' },
      { label: '/cart', pattern: '/cart' },
      { label: 'Thanks', pattern: '/checkout/:step' },
    ]);
    expect(parseCoverageColumns(formatCoverageColumns(columns))).toEqual(columns);
  });

  it.each([
    [null, { mode: 'pages', columns: [] }],
    [
      { mode: 'journey', columns: [{ label: 'a', pattern: '/a' }, { label: 1 }, '__proto__'] },
      { mode: 'journey', columns: [{ label: 'a', pattern: '/a' }] },
    ],
    [
      { mode: 'other', columns: 'x' },
      { mode: 'pages', columns: [] },
    ],
  ])('reads a stored coverage configuration back field by field: %j', (stored, expected) => {
    expect(readCoverageConfig(stored)).toEqual(expected);
  });
});

describe('choosing the plan of a site', () => {
  const bundled = ga4RecommendedPlan();
  const shopText = readRepoFile('test/fixtures/plans/tagwarden/shop.yaml');

  it('uses the bundled GA4 plan until the site has its own', () => {
    expect(choosePlan(undefined, bundled)).toMatchObject({
      origin: 'bundled',
      label: 'ga4-recommended',
      errors: [],
    });
    const own = choosePlan(
      { kind: 'file', name: 'shop.yaml', text: shopText, savedAt: 1 },
      bundled,
    );
    expect(own).toMatchObject({ origin: 'site', label: 'shop-web (shop.yaml)' });
    expect(Object.keys(own.plan.events)).toEqual([
      'view_item',
      'add_to_cart',
      'purchase',
      'search',
    ]);
  });

  it('falls back to the bundled plan, with the errors, when the stored plan no longer loads', () => {
    const choice = choosePlan(
      { kind: 'paste', name: 'pasted plan', text: 'events:\n  x: [', savedAt: 1 },
      bundled,
    );
    expect(choice.origin).toBe('bundled');
    expect(choice.errors[0]).toMatchObject({
      file: 'pasted plan',
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(loadPlan('events:\n  x: [', 'pasted plan').ok).toBe(false);
  });

  it.each([
    [{ kind: 'url', name: 'https://a.example/plan.yaml', text: 'x', savedAt: 2 }, true],
    [{ kind: 'url', name: 'https://a.example/plan.yaml', text: 'x' }, true],
    [{ kind: 'ftp', name: 'a', text: 'x' }, false],
    [{ kind: 'file', name: 1, text: 'x' }, false],
    ['events: {}', false],
    [null, false],
  ])('reads a stored plan entry back only when it is one: %j', (value, isPlan) => {
    expect(readStoredPlan(value) !== undefined).toBe(isPlan);
  });

  it.each([
    ['https://shop.example/cart?x=1', 'https://shop.example'],
    ['http://127.0.0.1:8080/a', 'http://127.0.0.1:8080'],
    ['about:blank', 'fallback'],
    ['', 'fallback'],
    [undefined, 'fallback'],
    ['not a url', 'fallback'],
  ])('keys the plan of %s under %s', (url, key) => {
    expect(siteKeyOf(url, 'fallback')).toBe(key);
  });
});
