import { rememberPerName } from '../text/remember-per-name.js';
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

/**
 * The traits of a key name, remembered: the same few hundred parameter and query names come
 * back in every event, and classifying a name costs several regular expressions.
 */
export function keyTraits(key: string | undefined): KeyTraits {
  return key === undefined ? noTraits : rememberedTraits(key);
}

const rememberedTraits = rememberPerName((key) => ({
  isPersonal: isPersonalFieldName(key),
  isPhone: isPhoneFieldName(key),
  isVersion: isVersionKey(key),
  isPersonalInQuery: isPersonalQueryName(key),
}));
