import browser from 'webextension-polyfill';

export type ThemeChoice = 'auto' | 'light' | 'dark';

const THEME_KEY = 'theme';
const CHOICES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];

/** The next choice of the theme toggle: auto (the system's), light, dark, auto … */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return CHOICES[(CHOICES.indexOf(choice) + 1) % CHOICES.length] ?? 'auto';
}

/** Shows a theme: `auto` leaves it to `prefers-color-scheme`. */
export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'auto') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = choice;
}

export async function loadTheme(): Promise<ThemeChoice> {
  try {
    const stored = (await browser.storage.local.get(THEME_KEY))[THEME_KEY];
    return CHOICES.find((choice) => choice === stored) ?? 'auto';
  } catch {
    return 'auto';
  }
}

export async function saveTheme(choice: ThemeChoice): Promise<void> {
  await browser.storage.local.set({ [THEME_KEY]: choice });
}
