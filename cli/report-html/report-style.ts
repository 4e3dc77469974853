/**
 * The reports' one stylesheet, inlined into each page: the content security policy of a
 * report forbids loading anything, so nothing can live in a separate file.
 */
export const REPORT_STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d232a}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d5dbe1}h3{font-size:1rem;margin:1.25rem 0 .4rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef1f4;vertical-align:top}
th{background:#f5f7f9}.valid{color:#1f7a3a}.invalid{color:#b3261e;font-weight:600}.unplanned{color:#8a6d00}
#counts td:last-child{font-variant-numeric:tabular-nums}code{font-size:.9em}.notice{color:#b3261e}
.figures{display:flex;flex-wrap:wrap;gap:.75rem;margin:0;padding:0}
.figures div{border:1px solid #d5dbe1;border-radius:6px;padding:.5rem .8rem;min-width:9rem}
.figures dt{font-size:.8rem;color:#56606b}.figures dd{margin:0;font-size:1.3rem;font-variant-numeric:tabular-nums}
.figures .good dd{color:#1f7a3a}.figures .bad dd{color:#b3261e}.figures .warn dd{color:#8a6d00}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600;color:#56606b}figure{margin:1rem 0}svg{max-width:100%;height:auto}figcaption{font-size:.85rem;color:#56606b}.chart-legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;font-size:.85rem;margin:.2rem 0 .4rem}svg text{font:12px system-ui,sans-serif;fill:#1d232a}
.matrix td.cell{font-variant-numeric:tabular-nums}.matrix tbody th{background:#fafbfc;font-weight:600;color:#56606b}
.cell-fired{color:#1f7a3a}.cell-invalid{color:#b3261e;font-weight:600}.cell-fewer{color:#8a6d00;font-weight:600}
.cell-withheld{color:#3b6ea8}.cell-not-fired{color:#b3261e}.cell-not-expected{color:#9aa3ad}
.legend{font-size:.85rem;color:#56606b}.verdict-ok{color:#1f7a3a;font-weight:600}.verdict-bad{color:#b3261e;font-weight:600}
.verdict-none{color:#56606b;font-weight:600}.more{font-size:.85rem;color:#56606b}`;
