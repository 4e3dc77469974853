import { describe, expect, it } from 'vitest';
import { writeTemplate } from '../../gtm-template/sandbox/format/write-template.js';
import { lintShape, makeTemplate, textFields, type TemplateShape } from './make-template.js';

const parameters = textFields('url', 'mode');
const webTag = (code: string): TemplateShape => ({
  kind: 'TAG',
  code: [
    "const sendPixel = require('sendPixel');",
    "const callLater = require('callLater');",
    code,
  ].join('\n'),
  parameters,
  permissions: { send_pixel: { allowedUrls: 'any' } },
});
const serverTag = (code: string): TemplateShape => ({
  kind: 'TAG',
  context: 'server',
  code: ["const sendHttpRequest = require('sendHttpRequest');", code].join('\n'),
  parameters,
  permissions: { send_http: { allowedUrls: 'any' } },
});

function completionFindings(shape: TemplateShape) {
  return lintShape(shape)
    .filter((finding) => finding.ruleId.startsWith('tag/'))
    .map((finding) => finding.ruleId);
}

describe('a tag reaches gtmOnSuccess or gtmOnFailure on every path', () => {
  it.each([
    ['a direct call', webTag('data.gtmOnSuccess();')],
    [
      'both branches of an if',
      webTag('if (data.url) {\n  data.gtmOnSuccess();\n} else {\n  data.gtmOnFailure();\n}'),
    ],
    [
      'an early return that fails the tag',
      webTag(
        'if (!data.url) return data.gtmOnFailure();\nsendPixel(data.url, data.gtmOnSuccess, data.gtmOnFailure);',
      ),
    ],
    [
      'callbacks handed to sendPixel',
      webTag('sendPixel(data.url, data.gtmOnSuccess, data.gtmOnFailure);'),
    ],
    [
      'a function expression handed to callLater',
      webTag('callLater(function () {\n  data.gtmOnSuccess();\n});'),
    ],
    [
      'a local helper that always completes',
      webTag(
        'function fail(reason) {\n  data.gtmOnFailure();\n}\nif (!data.url) {\n  fail();\n  return;\n}\ndata.gtmOnSuccess();',
      ),
    ],
    ['an alias of the callback', webTag('const onSuccess = data.gtmOnSuccess;\nonSuccess();')],
    [
      'a switch whose every case completes',
      webTag(
        "switch (data.mode) {\n  case 'a':\n    data.gtmOnSuccess();\n    break;\n  default:\n    data.gtmOnFailure();\n}",
      ),
    ],
    [
      'a ternary whose both sides complete',
      webTag('data.url ? data.gtmOnSuccess() : data.gtmOnFailure();'),
    ],
    [
      'a function called where it is defined',
      webTag('(function () {\n  data.gtmOnSuccess();\n})();'),
    ],
    ['an endless loop left by return', webTag('for (;;) {\n  return data.gtmOnSuccess();\n}')],
    [
      'the promise form of sendHttpRequest',
      serverTag(
        "sendHttpRequest(data.url, { method: 'POST' }, '{}')\n  .then(function () {\n    data.gtmOnSuccess();\n  })\n  .catch(function () {\n    data.gtmOnFailure();\n  });",
      ),
    ],
    [
      'the callback form of sendHttpRequest',
      serverTag(
        'sendHttpRequest(data.url, function (statusCode) {\n  if (statusCode === 200) {\n    data.gtmOnSuccess();\n  } else {\n    data.gtmOnFailure();\n  }\n});',
      ),
    ],
  ])('proves %s', (_, shape) => {
    expect(completionFindings(shape)).toEqual([]);
  });

  it.each([
    ['code that never calls either', webTag('const url = data.url;'), 'The end of the code'],
    [
      'an early return before the work',
      webTag(
        'if (!data.url) {\n  return;\n}\nsendPixel(data.url, data.gtmOnSuccess, data.gtmOnFailure);',
      ),
      'This return',
    ],
    [
      'a switch case that returns bare',
      webTag(
        "switch (data.mode) {\n  case 'skip':\n    return;\n  default:\n    data.gtmOnSuccess();\n}",
      ),
      'This return',
    ],
    [
      'a helper that never completes',
      webTag('function log() {\n  callLater(function () {});\n}\nlog();'),
      'The end of the code',
    ],
  ])('errs on %s', (_, shape, where) => {
    const findings = lintShape(shape).filter((finding) => finding.ruleId.startsWith('tag/'));
    expect(findings.map((finding) => finding.ruleId)).toEqual(['tag/never-completes']);
    expect(findings[0]?.severity).toBe('error');
    expect(findings[0]?.message.startsWith(where)).toBe(true);
  });

  it.each([
    ['only one branch completes', webTag('if (data.url) {\n  data.gtmOnSuccess();\n}')],
    [
      'a callback run for each item',
      webTag('[1, 2].forEach(function () {\n  data.gtmOnSuccess();\n});'),
    ],
    [
      'a callback that completes on one branch only',
      webTag('sendPixel(data.url, function () {\n  if (data.mode) data.gtmOnSuccess();\n});'),
    ],
    ['data handed to an unknown function', webTag('const handlers = {};\nhandlers.run(data);')],
  ])('warns that it cannot prove it when %s', (_, shape) => {
    const findings = lintShape(shape).filter((finding) => finding.ruleId.startsWith('tag/'));
    expect(findings.map((finding) => finding.ruleId)).toEqual(['tag/completion-unproven']);
    expect(findings[0]?.severity).toBe('warning');
  });

  it('points at the return statement that is reached without completing', () => {
    const findings = lintShape(webTag('if (!data.url) {\n  return;\n}\ndata.gtmOnSuccess();'));
    const finding = findings.find((item) => item.ruleId === 'tag/never-completes');
    const lines = lintShapeLines(webTag('if (!data.url) {\n  return;\n}\ndata.gtmOnSuccess();'));
    expect(lines[(finding?.line ?? 0) - 1]).toBe('  return;');
  });

  it('does not ask variables or clients to complete', () => {
    expect(completionFindings({ kind: 'MACRO', code: 'return 1;' })).toEqual([]);
    expect(completionFindings({ kind: 'CLIENT', context: 'server', code: 'return;' })).toEqual([]);
  });
});

function lintShapeLines(shape: TemplateShape): string[] {
  return writeTemplate(makeTemplate(shape)).split('\n');
}
