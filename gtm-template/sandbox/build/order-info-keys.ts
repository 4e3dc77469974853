// GTM's exporter writes ___INFO___ keys in this order (reference §1.2); other keys follow in
// their authored order.
const gtmInfoKeyOrder = [
  'type',
  'id',
  'version',
  'securityGroups',
  'displayName',
  'categories',
  'brand',
  'description',
  'containerContexts',
];

/** A copy of `info` with its keys in GTM's export order; `__proto__` keys stay own data. */
export function orderInfoKeys(info: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(info);
  const known = gtmInfoKeyOrder.filter((key) => keys.includes(key));
  const others = keys.filter((key) => !gtmInfoKeyOrder.includes(key));
  return Object.fromEntries([...known, ...others].map((key) => [key, info[key]]));
}
