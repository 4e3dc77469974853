import { useEffect, useState } from 'preact/hooks';
import { applyTheme, loadTheme, nextTheme, saveTheme, type ThemeChoice } from '../../ui/theme.js';

/** The user's theme choice, applied to the page and kept for every extension page. */
export function useTheme(): [ThemeChoice, () => void] {
  const [theme, setTheme] = useState<ThemeChoice>('auto');
  useEffect(() => {
    void loadTheme().then((choice) => {
      setTheme(choice);
      applyTheme(choice);
    });
  }, []);
  const toggle = () => {
    const next = nextTheme(theme);
    setTheme(next);
    applyTheme(next);
    void saveTheme(next);
  };
  return [theme, toggle];
}

/** True while the page is narrower than a two-pane layout needs (the side panel). */
export function useIsNarrow(width = 820): boolean {
  const [isNarrow, setNarrow] = useState(() => window.innerWidth < width);
  useEffect(() => {
    const onResize = () => setNarrow(window.innerWidth < width);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [width]);
  return isNarrow;
}
