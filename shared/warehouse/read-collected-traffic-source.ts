import { parseQuery } from '../text/parse-query.js';
import { splitUrl } from '../text/split-url.js';
import { cleanText } from './clean-text.js';
import type { CollectedTrafficSource } from './mirror-row.js';
import { rememberLast } from '../text/remember-last.js';

/** Page URL parameters and the export field each fills. */
const URL_KEYS: Record<string, keyof CollectedTrafficSource> = {
  utm_id: 'manual_campaign_id',
  utm_campaign: 'manual_campaign_name',
  utm_source: 'manual_source',
  utm_medium: 'manual_medium',
  utm_term: 'manual_term',
  utm_content: 'manual_content',
  utm_source_platform: 'manual_source_platform',
  utm_creative_format: 'manual_creative_format',
  utm_marketing_tactic: 'manual_marketing_tactic',
  gclid: 'gclid',
  dclid: 'dclid',
  srsltid: 'srsltid',
};

/** The decoder's campaign overrides (`cs`, `cm`… protocol notes §3.5) and their export fields. */
const OVERRIDE_KEYS: Record<string, keyof CollectedTrafficSource> = {
  id: 'manual_campaign_id',
  name: 'manual_campaign_name',
  source: 'manual_source',
  medium: 'manual_medium',
  term: 'manual_term',
  content: 'manual_content',
  creativeFormat: 'manual_creative_format',
  marketingTactic: 'manual_marketing_tactic',
};

/**
 * The export's `collected_traffic_source`: the campaign the event itself carried, read from
 * the page URL's `utm_*` and click-id parameters, with the hit's campaign overrides winning
 * (GA4 reads UTMs from `dl` unless `cs`/`cm`… override them). Null when there is none.
 */
export function readCollectedTrafficSource(
  pageLocation: string | undefined,
  overrides: Record<string, string>,
): CollectedTrafficSource | null {
  const found: Partial<CollectedTrafficSource> = { ...readUrlCampaign(pageLocation) };
  for (const [key, value] of Object.entries(overrides)) {
    const field = Object.hasOwn(OVERRIDE_KEYS, key) ? OVERRIDE_KEYS[key] : undefined;
    if (field !== undefined && value !== '') {
      found[field] = cleanText(value);
    }
  }
  if (Object.keys(found).length === 0) {
    return null;
  }
  return { ...emptyTrafficSource(), ...found };
}

/** The campaign fields of a page URL, read once for all the events of a hit on that page. */
const readUrlCampaign = rememberLast(
  (pageLocation: string | undefined): Readonly<Partial<CollectedTrafficSource>> => {
    const found: Partial<CollectedTrafficSource> = {};
    if (pageLocation === undefined || !pageLocation.includes('?')) {
      return found;
    }
    for (const pair of parseQuery(splitUrl(pageLocation).query)) {
      const field = Object.hasOwn(URL_KEYS, pair.key) ? URL_KEYS[pair.key] : undefined;
      if (field !== undefined && pair.value !== '' && found[field] === undefined) {
        found[field] = cleanText(pair.value);
      }
    }
    return found;
  },
);

function emptyTrafficSource(): CollectedTrafficSource {
  return {
    manual_campaign_id: null,
    manual_campaign_name: null,
    manual_source: null,
    manual_medium: null,
    manual_term: null,
    manual_content: null,
    manual_source_platform: null,
    manual_creative_format: null,
    manual_marketing_tactic: null,
    gclid: null,
    dclid: null,
    srsltid: null,
  };
}
