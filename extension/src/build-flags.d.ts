/** True only in builds made for end-to-end tests (`TAGWARDEN_E2E=1`); vite replaces it. */
declare const __TAGWARDEN_E2E__: boolean;
