// Runs the built core inside a page under a CSP without 'unsafe-eval', on the same captures
// and plan the Node test uses, and leaves the report where the test can read it.
import { readCapture } from '/dist/shared/capture/read-capture.js';
import { checkCaptures } from '/dist/shared/check/check-captures.js';
import { loadPlan } from '/dist/shared/plan/load-plan.js';

const captureFiles = [
  'content-sites.har',
  'datalayer-session.ndjson',
  'pasted-urls.txt',
  'shop-journey.har',
];

async function fetchText(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

async function run() {
  const planText = await fetchText('/shared/plans/ga4-recommended.yaml');
  const loaded = loadPlan(planText, 'ga4-recommended');
  if (!loaded.ok) throw new Error(loaded.errors[0].message);

  const records = [];
  const inputErrors = [];
  for (const name of captureFiles) {
    const result = readCapture(await fetchText(`/test/fixtures/captures/${name}`), name);
    records.push(...result.records);
    inputErrors.push(...result.errors);
  }
  return checkCaptures(records, loaded.plan, { inputs: captureFiles, inputErrors });
}

// Proof that the policy is in force here: the same page's own code cannot generate code.
window.tagwardenEvalProbe = (() => {
  try {
    new Function('return 1')();
    return 'ran';
  } catch (error) {
    return error.name;
  }
})();

const status = document.getElementById('status');
run().then(
  (report) => {
    window.tagwardenReport = JSON.stringify(report);
    status.textContent = 'done';
  },
  (error) => {
    window.tagwardenError = String(error && error.stack ? error.stack : error);
    status.textContent = 'failed';
  },
);
