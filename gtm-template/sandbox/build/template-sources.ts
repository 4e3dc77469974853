/**
 * A template authored as reviewable files in one folder, read into memory: file name → text.
 * Only the names in `templateSourceFileNames` are read; the CLI does the reading.
 */
export interface TemplateSources {
  /** The folder, as the user named it; findings name files inside it. */
  folder: string;
  files: ReadonlyMap<string, string>;
}

/** The files a source folder may hold (see gtm-template/README.md for what each one is). */
export const templateSourceFileNames = [
  'template.js',
  'info.json',
  'parameters.json',
  'permissions.json',
  'permissions.yaml',
  'tests.yaml',
  'notes.md',
  'metadata.yaml',
  'LICENSE',
  'README.md',
] as const;

/** A folder is a template source folder when it holds both the code and the info. */
export function isTemplateSourceFolder(fileNames: Iterable<string>): boolean {
  const names = new Set(fileNames);
  return names.has('template.js') && names.has('info.json');
}
