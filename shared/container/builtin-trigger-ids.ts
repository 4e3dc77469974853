/**
 * Triggers every container has without listing them: All Pages (2147479553), Consent
 * Initialization - All Pages (2147479572) and Initialization - All Pages (2147479573) in web
 * containers, All Pages (2147479574) in server containers.
 */
export const builtInTriggerIds: ReadonlySet<string> = new Set([
  '2147479553',
  '2147479572',
  '2147479573',
  '2147479574',
]);
