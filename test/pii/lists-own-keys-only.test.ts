import { afterEach, describe, expect, it } from 'vitest';
import { findPiiInEvent } from '../../shared/pii/find-pii-in-event.js';
import { listsOwnKeysOnly } from '../../shared/pii/lists-own-keys-only.js';
import { checkNames } from '../../shared/validate/check-names.js';
import { compileNamingRule } from '../../shared/validate/naming-rules.js';
import { createNameFacts } from '../../shared/validate/parameter-name-facts.js';

const pollutedKey = 'customer_email';

class Order {
  transaction_id = 'T_12345';
}

describe('listsOwnKeysOnly', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>)[pollutedKey];
  });

  it.each([
    { case: 'a decoded view_item', record: { currency: 'USD', value: 30.03 }, expected: true },
    { case: 'a record without a prototype', record: Object.create(null) as object, expected: true },
    { case: 'a class instance', record: new Order(), expected: false },
    {
      case: 'a record inheriting from another',
      record: Object.create({ email: 'jane@example.com' }) as object,
      expected: false,
    },
  ])('answers $expected for $case', ({ record, expected }) => {
    expect(listsOwnKeysOnly(record)).toBe(expected);
  });

  it('answers false once Object.prototype has an enumerable key', () => {
    (Object.prototype as Record<string, unknown>)[pollutedKey] = 'jane@example.com';
    expect(listsOwnKeysOnly({ currency: 'USD' })).toBe(false);
  });
});

describe('walks over event data list own keys only', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>)[pollutedKey];
  });

  const inheriting = () => {
    const record = Object.create({ contact_email: 'jane@example.com' }) as Record<string, unknown>;
    record['1'] = 'tom@example.com';
    record['billing_email'] = 'ann@example.com';
    return record;
  };

  it('reports own values in Object.keys order and skips inherited ones', () => {
    const paths = findPiiInEvent({ properties: inheriting() }).map((finding) => finding.path);
    expect(paths).toEqual(['/1', '/billing_email']);
  });

  it('skips keys Object.prototype has gained', () => {
    (Object.prototype as Record<string, unknown>)[pollutedKey] = 'jane@example.com';
    const paths = findPiiInEvent({ properties: { email: 'tom@example.com' } }).map(
      (finding) => finding.path,
    );
    expect(paths).toEqual(['/email']);
  });

  it('checks the names of own parameters and item fields only', () => {
    const rule = compileNamingRule({ style: 'snake_case' });
    const checks = { naming: { events: rule, parameters: rule }, limits: true, reserved: true };
    const item = Object.create({ InheritedField: 'x' }) as Record<string, unknown>;
    item['item_id'] = 'SKU_12345';
    item['ItemColour'] = 'green';
    const properties = Object.create({ InheritedParameter: 'x' }) as Record<string, unknown>;
    properties['BadName'] = 'x';
    properties['items'] = [item];

    const findings = checkNames('purchase', undefined, properties, {
      ...checks,
      facts: createNameFacts(rule),
    });

    expect(findings.naming.map((violation) => violation.path)).toEqual([
      '/BadName',
      '/items/0/ItemColour',
    ]);
  });
});
