import type { CookieAccess } from '../gtag/create-session-tracker.js';

/** The page's own cookies through `document.cookie`, host-only on path `/`. */
export const documentCookies: CookieAccess = {
  read(name) {
    for (const part of document.cookie.split(';')) {
      const equalsAt = part.indexOf('=');
      if (equalsAt !== -1 && part.slice(0, equalsAt).trim() === name)
        return part.slice(equalsAt + 1).trim();
    }
    return undefined;
  },
  write(name, value, maxAgeSeconds) {
    document.cookie = `${name}=${value}; path=/; max-age=${maxAgeSeconds}; samesite=lax`;
  },
};
