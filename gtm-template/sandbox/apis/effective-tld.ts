import type { ApiDefinition } from '../contract.js';

// A small slice of the Public Suffix List: the multi-label suffixes most sites sit under.
// GTM uses the whole list; a domain under an unlisted multi-label suffix gets one label too few.
const MULTI_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'net.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'co.nz',
  'org.nz',
  'net.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'com.br',
  'net.br',
  'org.br',
  'gov.br',
  'co.in',
  'net.in',
  'org.in',
  'firm.in',
  'gen.in',
  'ind.in',
  'com.cn',
  'net.cn',
  'org.cn',
  'gov.cn',
  'com.hk',
  'com.tw',
  'com.sg',
  'com.my',
  'co.za',
  'co.kr',
  'or.kr',
  'co.id',
  'co.il',
  'co.th',
  'com.mx',
  'com.ar',
  'com.tr',
  'com.ua',
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'appspot.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'web.app',
  'firebaseapp.com',
  'blogspot.com',
  'cloudfront.net',
  'azurewebsites.net',
  'myshopify.com',
]);

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The registrable domain (eTLD+1) of a host or URL: `www.shop.example.co.uk` →
 * `example.co.uk`. IP addresses and single-label hosts come back as they are; '' when there
 * is no host. Suffixes come from a short built-in list (see MULTI_LABEL_SUFFIXES).
 */
export function effectiveTldPlusOne(domainOrUrl: string): string {
  const host = hostOf(domainOrUrl);
  if (host === '' || IPV4.test(host) || host.includes(':')) return host;
  const labels = host.split('.').filter((label) => label !== '');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  const suffixLength = MULTI_LABEL_SUFFIXES.has(lastTwo) ? 2 : 1;
  return labels.slice(-(suffixLength + 1)).join('.');
}

function hostOf(domainOrUrl: string): string {
  const text = domainOrUrl.trim().toLowerCase();
  if (!/^[a-z][a-z\d+.-]*:\/\//.test(text)) return text.split(/[/?#:]/)[0] ?? '';
  try {
    return new URL(text).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/** `computeEffectiveTldPlusOne(domainOrUrl)` → the registrable domain (server). */
export const computeEffectiveTldPlusOneApi: ApiDefinition = {
  name: 'computeEffectiveTldPlusOne',
  contexts: ['server'],
  create: () => (domainOrUrl) =>
    typeof domainOrUrl === 'string' ? effectiveTldPlusOne(domainOrUrl) : undefined,
};
