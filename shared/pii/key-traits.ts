import { isVersionKey } from './detect-ip-address.js';
import {
  isPersonalFieldName,
  isPersonalQueryName,
  isPhoneFieldName,
} from './personal-field-names.js';

/** What a key's name says about its values. */
export interface KeyTraits {
  isPersonal: boolean;
  isPhone: boolean;
  isVersion: boolean;
  /** Personal as a URL query parameter name, where `name` counts too. */
  isPersonalInQuery: boolean;
}

const noTraits: KeyTraits = {
  isPersonal: false,
  isPhone: false,
  isVersion: false,
  isPersonalInQuery: false,
};
const remembered = new Map<string, KeyTraits>();
const maxRemembered = 5000;

/**
 * The traits of a key name, remembered: the same few hundred parameter and query names come
 * back in every event, and classifying a name costs several regular expressions.
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
    isPersonalInQuery: isPersonalQueryName(key),
  };
  remembered.set(key, traits);
  return traits;
}
