/** Section bodies of a small web tag, for tests that assemble `.tpl` text by hand. */
export const bodies = {
  TERMS_OF_SERVICE: 'By creating or modifying this file you agree to the terms.',
  INFO: JSON.stringify(
    {
      type: 'TAG',
      id: 'cvt_temp_public_id',
      version: 1,
      securityGroups: [],
      displayName: 'Pixel',
      containerContexts: ['WEB'],
    },
    null,
    2,
  ),
  TEMPLATE_PARAMETERS: JSON.stringify(
    [{ type: 'TEXT', name: 'url', displayName: 'URL', simpleValueType: true }],
    null,
    2,
  ),
  SANDBOXED_JS_FOR_WEB_TEMPLATE: [
    "const sendPixel = require('sendPixel');",
    '',
    'sendPixel(data.url, data.gtmOnSuccess, data.gtmOnFailure);',
  ].join('\n'),
  WEB_PERMISSIONS: JSON.stringify(
    [
      {
        instance: {
          key: { publicId: 'send_pixel', versionId: '1' },
          param: [{ key: 'allowedUrls', value: { type: 1, string: 'any' } }],
        },
        clientAnnotations: { isEditedByUser: true },
        isRequired: true,
      },
    ],
    null,
    2,
  ),
  TESTS: [
    'scenarios:',
    '- name: Sends the pixel',
    '  code: |-',
    "    runCode({url: 'https://collect.tagwarden.example/p'});",
    "    assertApi('gtmOnSuccess').wasCalled();",
    "setup: ''",
  ].join('\n'),
  NOTES: 'Created on 12/4/2026, 5:53:01 PM',
} as const;

export type BodyName = keyof typeof bodies;

/** `.tpl` text with these sections in this order, in GTM's layout (marker, blank, body, two blanks). */
export function templateText(
  order: readonly BodyName[],
  overrides: Partial<Record<BodyName, string>> = {},
): string {
  return order.map((name) => `___${name}___\n\n${overrides[name] ?? bodies[name]}\n\n\n`).join('');
}

/** The order GTM exports sections in. */
export const exportOrder: BodyName[] = [
  'TERMS_OF_SERVICE',
  'INFO',
  'TEMPLATE_PARAMETERS',
  'SANDBOXED_JS_FOR_WEB_TEMPLATE',
  'WEB_PERMISSIONS',
  'TESTS',
  'NOTES',
];
