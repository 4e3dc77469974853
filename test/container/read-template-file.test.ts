import { describe, expect, it } from 'vitest';
import { readTemplateFile } from '../../shared/container/read-template-file.js';
import { fixtureText } from './container-fixtures.js';

const info = (contexts: string[], type = 'TAG') =>
  JSON.stringify({
    type,
    id: 'cvt_temp_public_id',
    version: 1,
    displayName: 'Probe',
    containerContexts: contexts,
  });

describe('readTemplateFile', () => {
  it('reads the stand-in web mirror template: context, kind and every field name, nested ones included', () => {
    const result = readTemplateFile(fixtureText('web-mirror.tpl'), 'web-mirror.tpl');

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.template).toMatchObject({
      displayName: 'tagwarden web mirror',
      context: 'web',
      kind: 'TAG',
    });
    expect([...result.template.parameterNames].sort()).toEqual([
      'consentMode',
      'endpoint',
      'eventName',
      'eventParameters',
      'eventSettingsVariable',
      'measurementId',
      'sendEcommerceData',
      'userProperties',
    ]);
  });

  it('reads a GTM export with a byte order mark, CRLF line ends, a licence preamble and sections in another order', () => {
    const text = [
      '\uFEFF// Licensed under the Apache License 2.0',
      '___TEMPLATE_PARAMETERS___',
      '',
      '[{"type": "CHECKBOX", "name": "debug", "subParams": [{"type": "TEXT", "name": "label"}]},',
      ' {"type": "RADIO", "name": "mode", "radioItems": [{"value": "a", "subParams": [{"type": "TEXT", "name": "aOption"}]}]},',
      ' {"type": "LABEL", "name": "note"}]',
      '',
      '  ___INFO___  ',
      '',
      info(['SERVER']),
    ].join('\r\n');
    const result = readTemplateFile(text, 'server.tpl');

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.template.context).toBe('server');
    expect([...result.template.parameterNames].sort()).toEqual([
      'aOption',
      'debug',
      'label',
      'mode',
    ]);
    expect(result.template.text).toBe(text);
  });

  it.each([
    {
      input: 'no INFO section',
      text: '___TEMPLATE_PARAMETERS___\n\n[]\n',
      message: 'has no readable ___INFO___',
    },
    {
      input: 'INFO that is not JSON',
      text: '___INFO___\n\n{ not json\n',
      message: 'has no readable ___INFO___',
    },
    {
      input: 'no container context',
      text: `___INFO___\n\n${info([])}\n`,
      message: 'names no container context',
    },
    {
      input: 'a container export',
      text: fixtureText('minimal-web.json'),
      message: 'has no readable ___INFO___',
    },
  ])('refuses $input', ({ text, message }) => {
    const result = readTemplateFile(text, 'bad.tpl');

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
