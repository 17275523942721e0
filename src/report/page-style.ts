/** The report page's style sheet: light, readable in print, no web fonts (nothing is fetched). */
export const PAGE_STYLE = `
:root { --allowed: #1a7f37; --allowed-bg: #c9ecd2; --denied-bg: #fbe3e2; --denied: #b42318; --ink: #1f2328; --muted: #59636e;
  --line: #d1d9e0; --band: #f0f3f6; --focus: #0969da; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header, section, .layout { padding: 0 24px; }
header { padding-top: 16px; border-bottom: 1px solid var(--line); }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 17px; margin: 20px 0 8px; }
h3 { font-size: 14px; margin: 14px 0 6px; }
.muted, .note { color: var(--muted); }
.note { margin: 4px 0 10px; max-width: 70em; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0 4px; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 150px; }
.cards .figure { font-size: 22px; font-weight: 600; display: block; }
.cards .bad { color: var(--denied); }
.controls { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; margin: 8px 0; }
.controls label { white-space: nowrap; }
.controls input[type=search] { width: 14em; }
details.namespaces { position: relative; }
details.namespaces summary { cursor: pointer; }
details.namespaces .list { position: absolute; z-index: 5; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px;
  max-height: 320px; overflow: auto; min-width: 240px; box-shadow: 0 6px 18px rgba(0,0,0,.12); }
details.namespaces .list label { display: block; }
.legend { display: inline-flex; gap: 12px; align-items: center; color: var(--muted); }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid var(--line); vertical-align: -2px; margin-right: 4px; }
.swatch.a { background: var(--allowed-bg); border-color: var(--allowed); }
.swatch.d { background: var(--denied-bg); }
/* The panel floats over the page's right side: what it shows changes with each click, and as a
   layer of its own that never makes the browser lay the 40,000 cells of a matrix out again. */
body.explaining { padding-right: min(460px, 42vw); }
#explanation { position: fixed; top: 12px; right: 12px; width: min(440px, calc(42vw - 24px)); max-height: calc(100vh - 24px); overflow: auto;
  contain: strict; height: calc(100vh - 24px); border: 1px solid var(--line); border-radius: 8px; padding: 4px 14px 12px; background: #fff;
  box-shadow: 0 8px 24px rgba(0,0,0,.14); z-index: 10; }
#explanation[hidden] { display: none; }
.panel-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.panel-head h2 { font-size: 15px; overflow-wrap: anywhere; }
.close { border: 0; background: none; font-size: 20px; cursor: pointer; color: var(--muted); }
.verdict { font-weight: 700; font-size: 16px; margin: 4px 0; }
.verdict.allowed { color: var(--allowed); }
.verdict.denied { color: var(--denied); }
#explanation pre { white-space: pre-wrap; word-break: break-word; background: var(--band); padding: 8px; border-radius: 6px; }
table.decisions { border-collapse: collapse; font-size: 12.5px; }
table.decisions td, table.decisions th { border: 1px solid var(--line); padding: 3px 5px; vertical-align: top; text-align: left; }
.outcome.Accept { color: var(--allowed); } .outcome.Deny { color: var(--denied); }
.matrix-scroll { overflow: auto; max-height: 78vh; border: 1px solid var(--line); border-radius: 6px; }
.grid { --cell: 16px; display: inline-block; min-width: 100%; font-size: 12px; }
.grid .line { display: flex; }
.grid .head { position: sticky; top: 0; z-index: 3; background: #fff; }
.grid .corner { position: sticky; left: 0; z-index: 4; flex: 0 0 180px; background: #fff; color: var(--muted); padding: 2px 6px; }
.grid .ns { flex: 0 0 auto; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; padding: 2px 4px; border-bottom: 1px solid var(--line); font-weight: 600; }
.grid .names { height: 118px; border-bottom: 1px solid var(--line); }
.grid .col { flex: 0 0 calc(var(--cell) + 1px); display: flex; align-items: flex-end; justify-content: center; padding-bottom: 3px; }
.grid .col span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 112px; overflow: hidden; text-overflow: ellipsis; }
.grid .band { display: flex; background: var(--band); font-weight: 600; height: 20px; }
.grid .band > div { position: sticky; left: 0; padding: 1px 6px; }
.grid .cells { content-visibility: auto; contain-intrinsic-size: auto calc(var(--cell) + 1px); height: calc(var(--cell) + 1px); }
.grid .row { position: sticky; left: 0; z-index: 1; flex: 0 0 180px; background: #fff; padding: 0 8px 0 14px; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; line-height: calc(var(--cell) + 1px); }
.grid .c { flex: 0 0 var(--cell); height: var(--cell); margin: 0 1px 1px 0; cursor: pointer; text-align: center; font-size: calc(var(--cell) * .6); line-height: var(--cell); }
.grid .first { margin-left: 2px; box-shadow: -2px 0 0 #8c959f; }
.grid .c.a { background: var(--allowed-bg); color: var(--allowed); }
.grid .c.a::after { content: "✓"; }
.grid .c.d { background: var(--denied-bg); }
.grid .c.s { background-image: linear-gradient(135deg, transparent 45%, rgba(0,0,0,.2) 50%, transparent 55%); }
body.hide-self .grid .c.s { visibility: hidden; }
.grid .c:focus, g.node:focus, path.edge:focus { outline: 2px solid var(--focus); outline-offset: 1px; }
.grid .c:hover { outline: 1px solid var(--ink); }
table.counts, table.list { border-collapse: collapse; }
table.counts th, table.counts td, table.list th, table.list td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.counts td { text-align: right; }
table.list th { background: var(--band); }
.graph-scroll { overflow: auto; max-height: 80vh; border: 1px solid var(--line); border-radius: 6px; }
svg text { font-size: 11px; fill: var(--ink); }
g.ns-box rect { fill: #f6f8fa; stroke: #8c959f; }
g.ns-box text { font-weight: 600; font-size: 12px; }
g.ns-box text.count { font-weight: 400; fill: var(--muted); }
g.node { cursor: pointer; }
g.node circle { fill: #0969da; stroke: #fff; stroke-width: 2px; }
g.node.not-source.not-destination circle { fill: #8c959f; }
g.node.selected circle { fill: #bf8700; r: 9px; }
path.edge { fill: none; stroke: var(--allowed); stroke-opacity: .55; stroke-width: 1.4px; marker-end: url(#arrow); cursor: pointer; }
path.edge:hover { stroke-opacity: 1; stroke-width: 3px; }
path.ns-edge { stroke: #57606a; stroke-opacity: .45; cursor: default; }
marker path { fill: #57606a; }
.status { white-space: nowrap; font-weight: 600; }
.status.ok { color: var(--allowed); } .status.broken, .status.error, .severity.error { color: var(--denied); } .status.acknowledged, .severity.warning { color: #9a6700; }
.empty { color: var(--muted); font-style: italic; }
footer { padding: 16px 24px 32px; color: var(--muted); }
@media (max-width: 900px) { body.explaining { padding-right: 0; } #explanation { left: 12px; width: auto; top: auto; bottom: 12px; height: 50vh; } }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .controls, .close, .matrix-note-keys { display: none !important; }
  body.explaining { padding-right: 0; }
  .matrix-scroll, .graph-scroll { overflow: visible; max-height: none; border: 0; }
  .grid .head, .grid .corner, .grid .row, .grid .band > div { position: static; }
  .grid .cells { content-visibility: visible; }
  #explanation { position: static; width: auto; height: auto; max-height: none; contain: none; box-shadow: none; break-inside: avoid; }
  section { break-inside: avoid-page; }
  a { color: inherit; }
}
`;
