import { accessConsentRule, accessGlobalsRule, accessLocalStorageRule } from './access-rules.js';
import {
  accessBigQueryRule,
  accessFirestoreRule,
  useCustomPrivateKeysRule,
  useGoogleCredentialsRule,
  useMessageRule,
} from './cloud-rules.js';
import { getCookiesRule, setCookiesRule } from './cookie-rules.js';
import { readDataLayerRule, readEventDataRule, writeDataLayerRule } from './key-pattern-rules.js';
import type { PermissionRule } from './permission-rule.js';
import { loggingRule, plainRules } from './plain-rules.js';
import { accessResponseRule, readRequestRule } from './request-rules.js';
import { getReferrerRule, getUrlRule } from './url-component-rules.js';
import {
  injectHiddenIframeRule,
  injectScriptRule,
  sendHttpRule,
  sendPixelFromBrowserRule,
  sendPixelRule,
} from './url-pattern-rules.js';

/** Every web and server permission id of the reference notes (§1.5) with its matching rule. */
export const permissionRules: ReadonlyMap<string, PermissionRule> = new Map(
  [
    accessGlobalsRule,
    accessLocalStorageRule,
    accessConsentRule,
    getCookiesRule,
    setCookiesRule,
    getUrlRule,
    getReferrerRule,
    injectScriptRule,
    injectHiddenIframeRule,
    sendPixelRule,
    sendHttpRule,
    sendPixelFromBrowserRule,
    loggingRule,
    readDataLayerRule,
    writeDataLayerRule,
    readEventDataRule,
    readRequestRule,
    accessResponseRule,
    accessBigQueryRule,
    accessFirestoreRule,
    useGoogleCredentialsRule,
    useMessageRule,
    useCustomPrivateKeysRule,
    ...plainRules,
  ].map((rule) => [rule.id, rule]),
);
