import type { ParsedTemplate } from '../../../../gtm-template/sandbox/contract.js';
import { parseTemplate } from '../../../../gtm-template/sandbox/format/parse-template.js';

export type LoadedTemplate =
  { ok: true; template: ParsedTemplate } | { ok: false; problem: string };

/** Fetches and parses the mirror template; only a web TAG template can mirror events. */
export async function loadMirrorTemplate(templateUrl: string): Promise<LoadedTemplate> {
  let text: string;
  try {
    const response = await fetch(templateUrl, { credentials: 'same-origin' });
    if (!response.ok) return { ok: false, problem: `${templateUrl} answered ${response.status}` };
    text = await response.text();
  } catch (error) {
    return { ok: false, problem: `${templateUrl} could not be fetched: ${messageOf(error)}` };
  }

  const parsed = parseTemplate(text, templateUrl);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return {
      ok: false,
      problem: `${templateUrl} is no template: ${first?.message ?? 'unreadable'}`,
    };
  }
  const { template } = parsed;
  if (template.kind !== 'TAG' || template.context !== 'web')
    return {
      ok: false,
      problem: `${templateUrl} is a ${template.context} ${template.kind} template; the mirror needs a web TAG template`,
    };
  return { ok: true, template };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
