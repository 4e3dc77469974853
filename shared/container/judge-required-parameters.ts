import type { ContainerIndex, TagView } from './container-types.js';
import type { RequiredParameter } from './coverage-types.js';
import type { ParameterRow } from './read-parameter-rows.js';
import { readSettingsVariable } from './read-settings-variable.js';

/** What one tag sends with its event, as far as the container says. */
export interface EventSender {
  tag: TagView;
  rows: ParameterRow[];
  /** Settings variables applied to the event (the tag's own, then its Google tag's), as written. */
  settingsVariables: string[];
  sendsEcommerceData: boolean;
}

// Parameters gtag.js adds to every hit by itself (GA4 automatically collected parameters).
const automaticParameters = new Set([
  'page_location',
  'page_referrer',
  'page_title',
  'language',
  'screen_resolution',
  'engagement_time_msec',
]);

// Keys GA4 reads from the data layer's `ecommerce` object when a tag sends ecommerce data
// (GA4 ecommerce event reference): only a capture shows whether the push carried them.
const ecommerceParameters = new Set([
  'items',
  'value',
  'currency',
  'transaction_id',
  'tax',
  'shipping',
  'coupon',
  'affiliation',
  'payment_type',
  'shipping_tier',
  'item_list_id',
  'item_list_name',
  'creative_name',
  'creative_slot',
  'promotion_id',
  'promotion_name',
  'location_id',
]);

/** Judges, for each required parameter of a planned event, whether a tag sends it. */
export function judgeRequiredParameters(
  container: ContainerIndex,
  sender: EventSender,
  required: string[],
): RequiredParameter[] {
  const settings = sender.settingsVariables.map((reference) =>
    readSettingsVariable(container, reference),
  );
  const named = new Set(
    [...sender.rows, ...settings.flatMap((rows) => rows?.parameters ?? [])].map((row) => row.name),
  );
  const hasRunTimeNames =
    settings.some((rows) => rows === undefined) || [...named].some((name) => name.includes('{{'));
  const tag = { tagId: sender.tag.id, name: sender.tag.name };

  return required.map((parameter): RequiredParameter => {
    if (named.has(parameter) || automaticParameters.has(parameter))
      return { tag, parameter, verdict: 'sent' };
    if (sender.sendsEcommerceData && ecommerceParameters.has(parameter))
      return { tag, parameter, verdict: 'ecommerce' };
    return { tag, parameter, verdict: hasRunTimeNames ? 'unknown' : 'missing' };
  });
}
