import { isVersionKey } from './detect-ip-address.js';
import { isPersonalFieldName, isPhoneFieldName } from './personal-field-names.js';

/** What a key's name says about its values. */
export interface KeyTraits {
  isPersonal: boolean;
  isPhone: boolean;
  isVersion: boolean;
}

const noTraits: KeyTraits = { isPersonal: false, isPhone: false, isVersion: false };
const remembered = new Map<string, KeyTraits>();
const maxRemembered = 5000;

/**
 * The traits of a key name, remembered: the same few hundred parameter names come back in
 * every event, and classifying a name costs several regular expressions.
 */
export function keyTraits(key: string | undefined): KeyTraits {
  if (key === undefined) return noTraits;
  const known = remembered.get(key);
  if (known) return known;
  if (remembered.size >= maxRemembered) remembered.clear();
  const traits = {
    isPersonal: isPersonalFieldName(key),
    isPhone: isPhoneFieldName(key),
    isVersion: isVersionKey(key),
  };
  remembered.set(key, traits);
  return traits;
}
