/**
 * What was seen at one place of many events: how often, with which JSON types, which string
 * values (up to a limit), and for objects and lists the same for every key and element.
 */
export interface ValueProfile {
  /** How many values were seen here. */
  count: number;
  /** JSON type (`integer` apart from `number`) → how many values had it. */
  types: Map<string, number>;
  /** Distinct string values and their counts; `null` once there were too many to keep. */
  strings: Map<string, number> | null;
  /** Keys of object values, with how many objects had each. */
  keys: Map<string, ValueProfile>;
  /** How many object values were seen (the denominator for `required`). */
  objects: number;
  /** Elements of list values. */
  elements: ValueProfile | null;
  /** How many list values were seen, and how many of them were empty. */
  lists: number;
  emptyLists: number;
}

const maxDistinctStrings = 50;
const maxDepth = 8;

export function createProfile(): ValueProfile {
  return {
    count: 0,
    types: new Map(),
    strings: new Map(),
    keys: new Map(),
    objects: 0,
    elements: null,
    lists: 0,
    emptyLists: 0,
  };
}

/** Adds one value, and everything inside it, to a profile. */
export function observe(profile: ValueProfile, value: unknown, depth = 0): void {
  profile.count++;
  const type = jsonType(value);
  profile.types.set(type, (profile.types.get(type) ?? 0) + 1);
  if (typeof value === 'string') countString(profile, value);
  if (depth >= maxDepth) return;
  if (type === 'object') observeObject(profile, value as Record<string, unknown>, depth);
  if (type === 'array') observeList(profile, value as unknown[], depth);
}

/** Adds the keys of one object (an event's properties) without counting it as a value. */
export function observeObject(
  profile: ValueProfile,
  value: Record<string, unknown>,
  depth = 0,
): void {
  profile.objects++;
  for (const [key, child] of Object.entries(value)) {
    let keyProfile = profile.keys.get(key);
    if (!keyProfile) {
      keyProfile = createProfile();
      profile.keys.set(key, keyProfile);
    }
    observe(keyProfile, child, depth + 1);
  }
}

function observeList(profile: ValueProfile, value: unknown[], depth: number): void {
  profile.lists++;
  if (value.length === 0) profile.emptyLists++;
  profile.elements ??= createProfile();
  for (const element of value) observe(profile.elements, element, depth + 1);
}

function countString(profile: ValueProfile, value: string): void {
  if (profile.strings === null) return;
  profile.strings.set(value, (profile.strings.get(value) ?? 0) + 1);
  if (profile.strings.size > maxDistinctStrings) profile.strings = null;
}

export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean' || typeof value === 'string') return typeof value;
  return 'null';
}
