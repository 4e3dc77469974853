/** GTM's built-in tag type of the GA4 event tag. */
export const ga4EventTagTypes: ReadonlySet<string> = new Set(['gaawe']);

/** The Google tag (`googtag`) and the GA4 configuration tag it replaced (`gaawc`). */
export const googleTagTypes: ReadonlySet<string> = new Set(['googtag', 'gaawc']);
