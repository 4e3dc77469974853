/**
 * The page's `localStorage` behind the Map interface the template APIs use, so a template's
 * `localStorage.setItem` really writes the page's storage.
 */
export class LiveLocalStorage extends Map<string, string> {
  override get(key: string): string | undefined {
    return window.localStorage.getItem(key) ?? undefined;
  }

  override has(key: string): boolean {
    return window.localStorage.getItem(key) !== null;
  }

  override set(key: string, value: string): this {
    window.localStorage.setItem(key, value);
    return this;
  }

  override delete(key: string): boolean {
    const isPresent = this.has(key);
    window.localStorage.removeItem(key);
    return isPresent;
  }
}
