/**
 * The stylesheet of every extension page, as text: pages inject it at start, so no page
 * flashes unstyled and the build needs no CSS pipeline. Colours are custom properties; the
 * light set is the default, the dark set applies with `prefers-color-scheme: dark` unless the
 * user chose light, or when the user chose dark. Text colours keep a 4.5:1 contrast or more
 * against their backgrounds in both sets.
 */
const LIGHT = `
  --bg: #ffffff; --bg-alt: #f4f6f8; --bg-raised: #ffffff; --fg: #1b1f24; --muted: #565f69;
  --border: #d0d7de; --accent: #0b5cad; --accent-fg: #ffffff; --selected: #dcebfc;
  --valid: #1a7f37; --invalid: #b42318; --unplanned: #7339c6; --warning: #8a5a00; --none: #667080;
  --mark: #fff0a8; --mark-fg: #1b1f24; --containing: #fff9dc;
  --lane-datalayer: #0a6e80; --lane-ga4: #b35900; --lane-sgtm: #8a3fb8; --lane-mirror: #1a7f37;
  --lane-vendor: #4a5563; --lane-other: #667080;`;

const DARK = `
  --bg: #14171c; --bg-alt: #1c2128; --bg-raised: #222831; --fg: #e6edf3; --muted: #a0aab5;
  --border: #3a434e; --accent: #6cb6ff; --accent-fg: #0b1320; --selected: #1d3a5c;
  --valid: #4ac26b; --invalid: #ff8078; --unplanned: #d2a8ff; --warning: #e3b341; --none: #9aa4ae;
  --mark: #5c4b00; --mark-fg: #fff6cc; --containing: #2e2a14;
  --lane-datalayer: #56c8dc; --lane-ga4: #ffa657; --lane-sgtm: #d2a8ff; --lane-mirror: #56d364;
  --lane-vendor: #b1bac4; --lane-other: #9aa4ae;`;

export const STYLESHEET = `
:root {${LIGHT} color-scheme: light; }
@media (prefers-color-scheme: dark) { :root:not([data-theme='light']) {${DARK} color-scheme: dark; } }
:root[data-theme='dark'] {${DARK} color-scheme: dark; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { background: var(--bg); color: var(--fg); font: 13px/1.45 'DejaVu Sans', system-ui, sans-serif; }
button, input, select, textarea { font: inherit; color: inherit; }
button { background: var(--bg-alt); border: 1px solid var(--border); border-radius: 4px; padding: 2px 8px; cursor: pointer; }
button:hover { border-color: var(--accent); }
button[aria-pressed='true'], button[aria-selected='true'] { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
input, select, textarea { background: var(--bg); border: 1px solid var(--border); border-radius: 4px; padding: 2px 6px; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
code, .mono, .json-view, textarea { font-family: 'DejaVu Sans Mono', ui-monospace, monospace; font-size: 12px; }
.app { display: flex; flex-direction: column; height: 100vh; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; padding: 6px 8px; border-bottom: 1px solid var(--border); background: var(--bg-alt); }
.brand { font-weight: bold; }
.tabs { display: flex; gap: 2px; }
.tabs button { border-radius: 4px 4px 0 0; }
.summary { display: flex; gap: 8px; color: var(--muted); }
.summary strong { color: var(--fg); }
.spacer { flex: 1; }
.banner { padding: 4px 8px; background: var(--containing); border-bottom: 1px solid var(--border); }
.filter-bar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--border); }
.filter-bar .chips { display: flex; gap: 2px; }
.filter-bar input[type='search'] { width: 220px; }
.main { flex: 1; display: flex; min-height: 0; }
.main.narrow { flex-direction: column; }
.pane { min-width: 0; min-height: 0; display: flex; flex-direction: column; }
.pane.list { flex: 3; }
.pane.detail { flex: 2; border-left: 1px solid var(--border); overflow: auto; padding: 8px 10px; background: var(--bg-raised); }
.main.narrow .pane.detail { border-left: 0; border-top: 1px solid var(--border); }
.view { flex: 1; overflow: auto; padding: 8px 10px; }
.virtual-list { position: relative; flex: 1; overflow: auto; min-height: 0; }
.vl-spacer { position: relative; }
.vl-slot { position: absolute; left: 0; right: 0; }
.vl-empty { padding: 16px; color: var(--muted); }
.row { display: grid; grid-template-columns: 22px 92px 74px minmax(140px, 1.3fr) minmax(80px, 2fr) 220px; align-items: center; gap: 6px; height: 100%; padding: 0 8px; border-bottom: 1px solid var(--bg-alt); white-space: nowrap; cursor: pointer; }
.narrow .row { grid-template-columns: 16px 84px 70px minmax(0, 1fr) auto; gap: 4px; padding: 0 4px; }
.narrow .row .flags { max-width: 130px; }
.narrow .layer-badge { min-width: 0; }
.narrow .row .params { display: none; }
.row.selected { background: var(--selected); }
.row:hover { background: var(--bg-alt); }
.row.selected:hover { background: var(--selected); }
.row .time { color: var(--muted); font-variant-numeric: tabular-nums; }
.row .name, .row .params { overflow: hidden; text-overflow: ellipsis; }
.row .params { color: var(--muted); }
.row .params b { color: var(--fg); font-weight: normal; }
.row .flags { display: flex; gap: 4px; justify-content: flex-end; overflow: hidden; }
.page-heading { display: flex; align-items: center; gap: 8px; height: 100%; padding: 0 8px; background: var(--bg-alt); border-bottom: 1px solid var(--border); font-weight: bold; white-space: nowrap; overflow: hidden; }
.page-heading .url { font-weight: normal; color: var(--muted); overflow: hidden; text-overflow: ellipsis; }
.status-icon { display: inline-block; width: 16px; text-align: center; font-weight: bold; }
.status-valid { color: var(--valid); } .status-invalid { color: var(--invalid); } .status-unplanned { color: var(--unplanned); }
.status-warning { color: var(--warning); } .status-none { color: var(--none); }
.layer-badge { display: inline-block; min-width: 60px; max-width: 100%; overflow: hidden; text-overflow: ellipsis; padding: 0 4px; border: 1px solid currentColor; border-radius: 3px; font-size: 11px; text-align: center; }
.layer-datalayer { color: var(--lane-datalayer); } .layer-ga4 { color: var(--lane-ga4); } .layer-sgtm { color: var(--lane-sgtm); }
.layer-mirror { color: var(--lane-mirror); } .layer-vendor { color: var(--lane-vendor); } .layer-other { color: var(--lane-other); }
.flag { font-size: 11px; padding: 0 4px; border-radius: 3px; border: 1px solid var(--border); color: var(--muted); }
.flag.pii { color: var(--invalid); border-color: var(--invalid); }
.flag.lineage { color: var(--warning); border-color: var(--warning); }
.flag.count { color: var(--invalid); border-color: var(--invalid); }
h2 { font-size: 15px; margin: 4px 0 8px; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
h3 { font-size: 13px; margin: 14px 0 4px; padding-bottom: 2px; border-bottom: 1px solid var(--border); color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 2px 6px; border-bottom: 1px solid var(--bg-alt); }
th { color: var(--muted); font-weight: normal; white-space: nowrap; }
td.value { font-family: 'DejaVu Sans Mono', ui-monospace, monospace; font-size: 12px; word-break: break-all; }
.violation { border-left: 3px solid var(--invalid); padding: 2px 8px; margin: 4px 0; }
.violation.severity-warning { border-color: var(--warning); } .violation.severity-info { border-color: var(--none); }
.violation button { margin-left: 4px; }
.violation .code { font-weight: bold; }
.json-view ul { list-style: none; margin: 0; padding-left: 16px; }
.json-view { white-space: pre-wrap; word-break: break-all; }
.json-key { color: var(--lane-datalayer); } .json-string { color: var(--lane-mirror); } .json-number { color: var(--lane-ga4); }
.json-boolean, .json-null { color: var(--unplanned); } .json-punct { color: var(--muted); }
.json-marked > .json-key, .json-marked > .json-string, .json-marked > .json-number { background: var(--mark); color: var(--mark-fg); outline: 1px solid var(--warning); }
.json-containing > .json-key { text-decoration: underline dotted var(--warning); }
.json-chosen-key { background: var(--mark); color: var(--mark-fg); }
pre.raw { white-space: pre-wrap; word-break: break-all; background: var(--bg-alt); padding: 6px; border-radius: 4px; margin: 4px 0; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; margin: 4px 0 8px; }
.note { color: var(--muted); }
.error-box { border: 1px solid var(--invalid); border-left-width: 4px; padding: 6px 8px; margin: 6px 0; }
.error-box .where { font-family: 'DejaVu Sans Mono', ui-monospace, monospace; font-weight: bold; }
.excerpt { margin: 4px 0; }
.lineage-line { display: grid; grid-template-columns: 1fr 1fr 1fr minmax(120px, 1fr); gap: 6px; align-items: center; height: 100%; padding: 0 8px; border-bottom: 1px solid var(--bg-alt); cursor: pointer; white-space: nowrap; }
.lineage-line.selected { background: var(--selected); }
.lineage-head { display: grid; grid-template-columns: 1fr 1fr 1fr minmax(120px, 1fr); gap: 6px; padding: 4px 8px; color: var(--muted); border-bottom: 1px solid var(--border); }
.lineage-cell { overflow: hidden; text-overflow: ellipsis; display: flex; gap: 4px; align-items: center; }
.lineage-cell.missing { color: var(--muted); font-style: italic; }
.finding-chips { display: flex; gap: 6px; flex-wrap: wrap; padding: 6px 8px; border-bottom: 1px solid var(--border); }
.coverage td, .coverage th { border: 1px solid var(--border); }
.coverage td.cell { white-space: nowrap; }
.lane { display: inline-block; margin-right: 4px; font-size: 11px; padding: 0 3px; border-radius: 3px; }
.lane.seen { background: var(--bg-alt); }
.lane.bad { color: var(--invalid); font-weight: bold; }
.lane.never { color: var(--invalid); border: 1px dashed var(--invalid); }
.lane.unseen { color: var(--muted); border: 1px dashed var(--border); }
.flag.unseen { color: var(--muted); }
.pill { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; margin-right: 3px; border: 1px solid currentColor; }
.pill.granted { color: var(--valid); } .pill.denied { color: var(--invalid); } .pill.unset, .pill.unknown { color: var(--none); }
.popup { width: 340px; padding: 10px 12px; }
.popup .counts { display: grid; grid-template-columns: repeat(2, 1fr); gap: 4px 12px; margin: 8px 0; }
.popup .big { font-size: 20px; font-weight: bold; }
`;

/** Puts the stylesheet into a page once. */
export function installStyles(document: Document): void {
  if (document.getElementById('tagwarden-styles') !== null) return;
  const style = document.createElement('style');
  style.id = 'tagwarden-styles';
  style.textContent = STYLESHEET;
  document.head.append(style);
}
