/**
 * The `___TERMS_OF_SERVICE___` text GTM writes when the author ticks the Community Template
 * Gallery box in the Info tab (reference §1.1, §5: the gallery requires it). GTM generates these
 * exact lines; the build writes them for folders that carry a gallery `metadata.yaml`.
 */
export const galleryTermsOfService = [
  "By creating or modifying this file you agree to Google Tag Manager's Community",
  'Template Gallery Developer Terms of Service available at',
  'https://developers.google.com/tag-manager/gallery-tos (or such other URL as',
  'Google may provide), as modified from time to time.',
].join('\n');
