import { useEffect, useMemo, useState } from 'preact/hooks';
import { loadPlan } from '../../../../shared/plan/load-plan.js';
import type { CoverageConfig } from '../model/build-coverage.js';
import { EMPTY_COVERAGE_CONFIG } from '../model/coverage-config.js';
import { choosePlan, type PlanChoice, type StoredPlan } from '../model/plan-choice.js';
import type { PlanAttempt } from '../views/plans-view.js';
import { bundledPlan } from './bundled-plan.js';
import {
  forgetSitePlan,
  loadCoverageConfig,
  loadSitePlan,
  saveCoverageConfig,
  saveSitePlan,
  watchStorage,
} from './plan-store.js';

export interface SitePlan {
  choice: PlanChoice;
  stored: StoredPlan | undefined;
  attempt: PlanAttempt | null;
  coverage: CoverageConfig;
  load(kind: StoredPlan['kind'], name: string, text: string): void;
  loadUrl(url: string): Promise<void>;
  chooseBundled(): void;
  saveCoverage(config: CoverageConfig): void;
}

/**
 * The plan and coverage columns of one site, from extension storage, kept in step when
 * another page (the side panel, another DevTools window) changes them. A plan is kept only
 * when it loads; the choice changes, and with it every verdict, as soon as it is kept.
 */
export function useSitePlan(site: string): SitePlan {
  const [stored, setStored] = useState<{ site: string; plan?: StoredPlan }>({ site });
  const [coverage, setCoverage] = useState<CoverageConfig>(EMPTY_COVERAGE_CONFIG);
  const [attempt, setAttempt] = useState<PlanAttempt | null>(null);

  useEffect(() => {
    let isCancelled = false;
    const reload = () =>
      void Promise.all([loadSitePlan(site), loadCoverageConfig(site)]).then(([plan, config]) => {
        if (isCancelled) return;
        setStored(plan === undefined ? { site } : { site, plan });
        setCoverage(config);
      });
    reload();
    const stop = watchStorage((keys) => {
      if (keys.includes(`plan:${site}`) || keys.includes(`coverage:${site}`)) reload();
    });
    setAttempt(null);
    return () => {
      isCancelled = true;
      stop();
    };
  }, [site]);

  const choice = useMemo(() => choosePlan(stored.plan, bundledPlan()), [stored]);
  const load = (kind: StoredPlan['kind'], name: string, text: string) => {
    const result = loadPlan(text, name);
    if (!result.ok) {
      setAttempt({ errors: result.errors, text });
      return;
    }
    const plan: StoredPlan = { kind, name, text, savedAt: Date.now() };
    setAttempt(null);
    setStored({ site, plan });
    void saveSitePlan(site, plan);
  };
  return {
    choice,
    stored: stored.plan,
    attempt,
    coverage,
    load,
    loadUrl: async (url) => {
      const fetched = await fetchPlanText(url);
      if (typeof fetched === 'string') load('url', url, fetched);
      else setAttempt({ errors: [fetched], text: '' });
    },
    chooseBundled: () => {
      setAttempt(null);
      setStored({ site });
      void forgetSitePlan(site);
    },
    saveCoverage: (config) => {
      setCoverage(config);
      void saveCoverageConfig(site, config);
    },
  };
}

async function fetchPlanText(url: string) {
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return await response.text();
  } catch (error) {
    return {
      file: url,
      line: 1,
      column: 1,
      message: `The plan could not be fetched: ${error instanceof Error ? error.message : String(error)}.`,
      hint: 'Check the URL opens in a tab, or save the plan and load it as a file.',
    };
  }
}
