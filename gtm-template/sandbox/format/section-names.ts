import type { ContainerContext } from '../contract.js';

/** The nine section markers of a `.tpl` file, without their underscores (reference §1.1). */
export const sectionNames = [
  'TERMS_OF_SERVICE',
  'INFO',
  'TEMPLATE_PARAMETERS',
  'SANDBOXED_JS_FOR_WEB_TEMPLATE',
  'SANDBOXED_JS_FOR_SERVER',
  'WEB_PERMISSIONS',
  'SERVER_PERMISSIONS',
  'TESTS',
  'NOTES',
] as const;

export type SectionName = (typeof sectionNames)[number];

const knownNames: ReadonlySet<string> = new Set(sectionNames);

/** True when `name` is one of the nine markers. */
export function isSectionName(name: string): name is SectionName {
  return knownNames.has(name);
}

/** The marker line for a section, as it appears in the file. */
export function markerOf(name: SectionName): string {
  return `___${name}___`;
}

/** The section holding the sandboxed JavaScript for a container context. */
export function codeSectionOf(context: ContainerContext): SectionName {
  return context === 'web' ? 'SANDBOXED_JS_FOR_WEB_TEMPLATE' : 'SANDBOXED_JS_FOR_SERVER';
}

/** The section holding the permission entries for a container context. */
export function permissionsSectionOf(context: ContainerContext): SectionName {
  return context === 'web' ? 'WEB_PERMISSIONS' : 'SERVER_PERMISSIONS';
}
