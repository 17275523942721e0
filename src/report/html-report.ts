import { lintSummary } from './lint-results';
import { PageData, pageData } from './page-data';
import { createExplainer } from './page-explainer';
import { layoutGraph } from './page-graph-layout';
import { pageMain } from './page-main';
import { PAGE_STYLE } from './page-style';
import { ReachabilityReportContents } from '../intents/report-contents';
import { FindingSeverity } from '../validation/finding';

/**
 * Nothing may leave the page: no fetch, no image, font or frame from anywhere. The policy says
 * so to the browser too, so a mistake here fails loudly in the browser test instead of calling out.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/**
 * The report as one self-contained HTML page: the page's data as JSON and the script that draws
 * the interactive parts from it (the functions' own source text, so that the script is the
 * type-checked, tested code of `page-main.ts`, `page-explainer.ts` and `page-graph-layout.ts`).
 */
export function renderHtmlReport(contents: ReachabilityReportContents, writtenBy: string): string {
  const data = pageData(contents, writtenBy);
  const script = [createExplainer, layoutGraph, pageMain].map((fn) => fn.toString()).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="cdk8s-netpol">
<title>${escapeHtml(data.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(data.title)}</h1>
<p class="muted">Written by ${escapeHtml(data.writtenBy)}. Open this file in any browser: it needs no server and loads nothing from the network.</p>
</header>
<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
${summaryHtml(data)}
</section>
<div class="layout">
<main>
<section id="matrix" aria-labelledby="matrix-title">
<h2 id="matrix-title">Who can reach whom</h2>
<div class="controls" role="group" aria-label="What the matrix and the graph show">
<label>Port <select id="port"></select></label>
<details class="namespaces"><summary>Namespaces (<span id="namespace-count"></span>)</summary>
<div class="list"><p><button type="button" id="namespaces-all">all</button> <button type="button" id="namespaces-none">none</button></p>
<div id="namespace-list"></div></div></details>
<label>From <input id="filter-from" type="search" placeholder="source name contains" autocomplete="off"></label>
<label>To <input id="filter-to" type="search" placeholder="destination name contains" autocomplete="off"></label>
<label><input id="hide-self" type="checkbox"> hide a workload's pairs with itself</label>
<span class="legend"><span><span class="swatch a"></span>allowed</span><span><span class="swatch d"></span>denied</span></span>
</div>
${omittedHtml(data)}<p id="matrix-note" class="note"></p>
<div id="matrix-host" class="matrix-scroll" data-role="matrix"><p class="empty">The matrix needs JavaScript.</p></div>
</section>
<section id="graph" aria-labelledby="graph-title">
<h2 id="graph-title">Graph</h2>
<p id="graph-note" class="note"></p>
<div id="graph-host" class="graph-scroll"></div>
</section>
</main>
<aside id="explanation" data-role="explanation" aria-live="polite" tabindex="-1" hidden></aside>
</div>
<section id="intents" aria-labelledby="intents-title">
<h2 id="intents-title">Intents</h2>
${intentsHtml(data)}
</section>
${lintsHtml(contents)}<section id="findings" aria-labelledby="findings-title">
<h2 id="findings-title">Findings</h2>
<p class="note">Problems met while reading the objects. cdk8s has no warnings channel: warnings appear here only, errors also fail synthesis.</p>
${findingsHtml(data)}
</section>
<footer>cdk8s-netpol reachability report</footer>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>
${script}
pageMain();
</script>
</body>
</html>
`;
}

function summaryHtml(data: PageData): string {
  const s = data.summary;
  const figure = (value: number, label: string, detail: string, bad = false) =>
    `<li><span class="figure${bad && value > 0 ? ' bad' : ''}">${value.toLocaleString('en-US')}</span>${escapeHtml(label)}`
    + (detail === '' ? '' : `<br><span class="muted">${escapeHtml(detail)}</span>`) + '</li>';
  const i = s.intents;
  return '<ul class="cards">'
    + figure(s.workloads, 'workloads', `in ${s.namespaces} namespace${s.namespaces === 1 ? '' : 's'}`)
    + figure(s.policies, 'policies', s.evaluatedPolicies === s.policies ? 'all evaluated' : `${s.evaluatedPolicies} evaluated`)
    + figure(s.isolated, 'isolated workloads', `${s.isolatedIngress} for ingress, ${s.isolatedEgress} for egress`)
    + figure(i.total, 'intents', `${i.ok} passed, ${i.broken} failed, ${i.acknowledged} acknowledged, ${i.errors} unusable`)
    + figure(i.broken + i.errors, 'intents failing', 'broken or unusable', true)
    + figure(s.findings.errors + s.findings.warnings, 'findings', `${s.findings.errors} errors, ${s.findings.warnings} warnings`, s.findings.errors > 0)
    + '</ul>';
}

function omittedHtml(data: PageData): string {
  return data.omittedPorts.length === 0 ? ''
    : `<p class="note">Left out, beyond ${data.ports.length} ports: ${escapeHtml(data.omittedPorts.join(', '))}. `
      + 'The report of the command line has them all: <code>cdk8s-netpol report --format html</code>.</p>\n';
}

function intentsHtml(data: PageData): string {
  if (data.intents.length === 0) {
    return '<p class="empty">No intents declared.</p>';
  }
  const rows = data.intents.map((r) => `<tr><td class="status ${escapeHtml(r.status)}">${escapeHtml(r.status)}</td>`
    + `<td>${escapeHtml(r.description)}<br><code>${escapeHtml(r.id)}</code></td>`
    + `<td>${escapeHtml(r.message)}${r.acknowledgement === null ? '' : `<br><strong>acknowledged:</strong> ${escapeHtml(r.acknowledgement)}`}</td>`
    + `<td><code>${escapeHtml(r.constructPath)}</code></td></tr>`);
  return `<table class="list"><thead><tr><th>status</th><th>intent</th><th>explanation</th><th>declared by</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The lint section, when the lints ran. */
function lintsHtml(contents: ReachabilityReportContents): string {
  if (contents.lints === undefined) {
    return '';
  }
  const rows = contents.lints.map((r) => `<tr><td class="status ${escapeHtml(r.status)}">${escapeHtml(r.status)}</td>`
    + `<td><code>${escapeHtml(r.id)}</code><br><code>${escapeHtml(r.finding.origin)}</code></td>`
    + `<td>${r.finding.field ? `<code>${escapeHtml(r.finding.field)}</code>` : ''}</td>`
    + `<td>${escapeHtml(r.finding.message)}${r.acknowledgement === undefined ? '' : `<br><strong>acknowledged:</strong> ${escapeHtml(r.acknowledgement)}`}</td></tr>`);
  const body = rows.length === 0 ? '<p class="empty">None.</p>'
    : `<table class="list"><thead><tr><th>status</th><th>finding</th><th>field</th><th>message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<section id="lints" aria-labelledby="lints-title">
<h2 id="lints-title">Lints</h2>
<p class="note">${escapeHtml(lintSummary(contents.lints))}: mistakes the API server accepts and no intent asks about.</p>
${body}
</section>
`;
}

function findingsHtml(data: PageData): string {
  if (data.findings.length === 0) {
    return '<p class="empty">None: every object was read as written.</p>';
  }
  const ordered = [...data.findings].sort((a, b) => Number(b.severity === FindingSeverity.ERROR) - Number(a.severity === FindingSeverity.ERROR));
  const rows = ordered.map((f) => `<tr><td class="severity ${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</td><td>${escapeHtml(f.subject)}</td>`
    + `<td>${f.field ? `<code>${escapeHtml(f.field)}</code>` : ''}</td><td>${escapeHtml(f.message)}</td><td><code>${escapeHtml(f.origin)}</code></td>`
    + `<td><code>${escapeHtml(f.rule)}</code></td></tr>`);
  return `<table class="list"><thead><tr><th>severity</th><th>object</th><th>field</th><th>message</th><th>origin</th><th>rule</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that cannot end the script element it sits in, nor start a comment there. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
