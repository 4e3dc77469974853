import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  templateSourceFileNames,
  type TemplateSources,
} from '../../../gtm-template/sandbox/build/template-sources.js';
import type { GalleryFiles } from '../../../gtm-template/sandbox/lint/check-gallery.js';
import { readInputFile } from '../../read-input-file.js';

/** Reads the source files a template folder has (see templateSourceFileNames). */
export function readTemplateSources(folder: string): TemplateSources {
  const files = new Map<string, string>();
  for (const name of templateSourceFileNames) {
    const path = join(folder, name);
    if (existsSync(path)) files.set(name, readInputFile(path));
  }
  return { folder, files };
}

/** The gallery files beside a `template.tpl` found in a folder. */
export function readGalleryFiles(templateFile: string): GalleryFiles {
  const folder = dirname(templateFile);
  const read = (name: string) => {
    const path = join(folder, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const metadata = read('metadata.yaml');
  const license = read('LICENSE');
  return {
    folder,
    ...(metadata !== undefined && { metadata }),
    ...(license !== undefined && { license }),
  };
}
