import { GTAG_VERBS } from './gtag-verbs.js';
import { isLostArgumentsObject } from './is-lost-arguments-object.js';
import { isPlainObject, type PlainObject } from './is-plain-object.js';
import type { ReplayWarning } from './replay-types.js';
import { replayWarning } from './replay-warning.js';

// Consent Mode signal names; as keys of a plain message they change no consent state (D18).
const CONSENT_SIGNALS = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'];

/** Notices about a plain-object message that GTM would still merge as it is. */
export function lintObjectPush(message: PlainObject): ReplayWarning[] {
  const warnings: ReplayWarning[] = [];
  if (isLostArgumentsObject(message)) warnings.push(lostArgumentsWarning(message));
  if (hasSiteUniqueEventId(message)) warnings.push(siteUniqueEventIdWarning());

  const consentKeys = CONSENT_SIGNALS.filter((key) => Object.hasOwn(message, key));
  if (consentKeys.length > 0) warnings.push(consentKeysWarning(consentKeys));
  return warnings;
}

function lostArgumentsWarning(message: PlainObject): ReplayWarning {
  const command = String(message['0']);
  const call = GTAG_VERBS.has(command) ? `gtag('${command}', …)` : `a '${command}' command`;
  const text =
    `This looks like ${call} serialised without its Arguments type: GTM merges it as a plain ` +
    `object with keys "0", "1", … and runs no command. Tag Arguments before serialising ` +
    '(`{"$arguments": [...]}`).';
  return replayWarning('arguments_lost_type', text);
}

// GTM writes its own id into every message it processes, so a pushed one is at best ignored
// (D14, D16 push constants and `Date.now()`); tagwarden numbers steps itself (notes §11.7).
function hasSiteUniqueEventId(message: PlainObject): boolean {
  if (Object.hasOwn(message, 'gtm.uniqueEventId')) return true;
  const gtm = Object.hasOwn(message, 'gtm') ? message['gtm'] : undefined;
  return isPlainObject(gtm) && Object.hasOwn(gtm, 'uniqueEventId');
}

function siteUniqueEventIdWarning(): ReplayWarning {
  const message =
    'The message carries its own `gtm.uniqueEventId`. GTM numbers messages itself, so either ' +
    'the site set it (do not rely on it as an event id) or this is a dump of messages GTM ' +
    "already numbered. The step index is tagwarden's own sequence.";
  return replayWarning('site_unique_event_id', message, {
    key: 'gtm.uniqueEventId',
    severity: 'info',
  });
}

function consentKeysWarning(keys: string[]): ReplayWarning {
  const message =
    `${keys.join(', ')} in a plain message are ordinary model keys: they do not change Google ` +
    "consent state. Use gtag('consent', 'default' | 'update', {…}).";
  return replayWarning('consent_keys_in_message', message, { severity: 'info' });
}
