import browser from 'webextension-polyfill';
import type { CoverageConfig } from '../model/build-coverage.js';
import { readStoredPlan, type StoredPlan } from '../model/plan-choice.js';
import { readCoverageConfig } from '../model/coverage-config.js';

// One entry per site, keyed by origin, in storage.local: plans outlive the browser session.
const planKey = (site: string) => `plan:${site}`;
const coverageKey = (site: string) => `coverage:${site}`;

export async function loadSitePlan(site: string): Promise<StoredPlan | undefined> {
  const key = planKey(site);
  return readStoredPlan((await browser.storage.local.get(key))[key]);
}

export async function saveSitePlan(site: string, plan: StoredPlan): Promise<void> {
  await browser.storage.local.set({ [planKey(site)]: plan });
}

export async function forgetSitePlan(site: string): Promise<void> {
  await browser.storage.local.remove(planKey(site));
}

export async function loadCoverageConfig(site: string): Promise<CoverageConfig> {
  const key = coverageKey(site);
  return readCoverageConfig((await browser.storage.local.get(key))[key]);
}

export async function saveCoverageConfig(site: string, config: CoverageConfig): Promise<void> {
  await browser.storage.local.set({ [coverageKey(site)]: config });
}

/** Calls `listener` when another page (the side panel, the popup) changes a stored key. */
export function watchStorage(listener: (keys: string[]) => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local') listener(Object.keys(changes));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
