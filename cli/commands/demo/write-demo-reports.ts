import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJunit } from '../../report/render-junit.js';
import type { DemoResult } from './demo-result.js';
import { renderDemoHtml } from './render-demo-html.js';

export interface DemoReportFiles {
  html: string;
  json: string;
  junit: string;
}

/**
 * Writes the demo's coverage report into `directory`: one self-contained HTML page, the whole
 * result as JSON, and the plan verdicts as JUnit XML (one test case per event) for CI.
 */
export function writeDemoReports(result: DemoResult, directory: string): DemoReportFiles {
  const files = {
    html: join(directory, 'tagwarden-demo.html'),
    json: join(directory, 'tagwarden-demo.json'),
    junit: join(directory, 'tagwarden-demo.junit.xml'),
  };
  writeFileSync(files.html, renderDemoHtml(result));
  writeFileSync(files.json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(files.junit, renderJunit(result.check));
  return files;
}
