/**
 * The APIs test code may `require` itself (reference §2.6: the names real tests use, plus the
 * other pure helpers). GTM says only "some libraries, but not all"; extend this list when the
 * editor is seen to accept another name.
 */
export const testRequireNames: ReadonlySet<string> = new Set([
  'JSON',
  'Promise',
  'Object',
  'Math',
  'logToConsole',
  'callLater',
  'getType',
  'makeInteger',
  'makeNumber',
  'makeString',
  'makeTableMap',
  'decodeUri',
  'decodeUriComponent',
  'encodeUri',
  'encodeUriComponent',
  'toBase64',
  'fromBase64',
  'sha256',
  'sha256Sync',
  'createRegex',
  'testRegex',
  'parseUrl',
  'computeEffectiveTldPlusOne',
  'generateRandom',
  'getTimestamp',
  'getTimestampMillis',
  'setCookie',
  'createArgumentsQueue',
  'templateStorage',
  'templateDataStorage',
]);
