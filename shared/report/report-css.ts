/**
 * The report's stylesheet. One stylesheet for the saved file (inside its `<style>`) and for the app's report
 * view (adopted by a shadow root, so the app's own styles and the report's never meet). Selectors are scoped to
 * `.rl-report`; colours are variables set on `:root` (the file) and `:host` (the view), switched by
 * `prefers-color-scheme`, and print always uses the light ones.
 */
export const REPORT_CSS = `
:root, :host {
  --rl-bg: #f6f5f2; --rl-surface: #ffffff; --rl-border: #dedad3; --rl-text: #1f1e1c; --rl-muted: #6b675f;
  --rl-accent: #c2362b; --rl-pass: #1f7a3d; --rl-pass-bg: #e3f4e8; --rl-fail: #b3261e; --rl-fail-bg: #fbe6e4;
  --rl-link: #2456b3;
  --rl-heat-0: #e8e5df; --rl-heat-1: #fbe7a1; --rl-heat-2: #f7c948; --rl-heat-3: #f08c2e; --rl-heat-4: #d9481c; --rl-heat-5: #9e1a12;
  --rl-sev-neutral: #8a919b; --rl-sev-minor: #d4a20b; --rl-sev-major: #e06c1b; --rl-sev-critical: #c8231b;
  --rl-sev-neutral-bg: rgb(125 133 144 / 0.18); --rl-sev-minor-bg: rgb(240 190 20 / 0.30);
  --rl-sev-major-bg: rgb(240 120 30 / 0.28); --rl-sev-critical-bg: rgb(220 40 30 / 0.26);
  --rl-font: system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  --rl-font-zh: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif;
  --rl-font-ja: 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', 'Meiryo', sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root, :host {
    --rl-bg: #171716; --rl-surface: #21211f; --rl-border: #3a3936; --rl-text: #e8e6e1; --rl-muted: #a8a49b;
    --rl-accent: #ff7a6b; --rl-pass: #6fd08f; --rl-pass-bg: #16321f; --rl-fail: #ff8a80; --rl-fail-bg: #3d1f1b;
    --rl-link: #8fb3ff;
    --rl-heat-0: #2d2c29; --rl-heat-1: #5a4b17; --rl-heat-2: #8f6d12; --rl-heat-3: #c4701c; --rl-heat-4: #e5532a; --rl-heat-5: #ff6b5e;
    --rl-sev-minor-bg: rgb(240 190 20 / 0.24); --rl-sev-major-bg: rgb(240 120 30 / 0.28); --rl-sev-critical-bg: rgb(255 70 60 / 0.30);
  }
}
html, body { margin: 0; background: var(--rl-bg); }
.rl-report { box-sizing: border-box; max-width: 70rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; color: var(--rl-text);
  background: var(--rl-bg); font: 15px/1.55 var(--rl-font); -webkit-text-size-adjust: 100%; }
.rl-report *, .rl-report *::before, .rl-report *::after { box-sizing: inherit; }
.rl-report h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 0.35rem; overflow-wrap: anywhere; }
.rl-report h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
.rl-report h3 { font-size: 1rem; margin: 0; }
.rl-report a { color: var(--rl-link); }
.rl-report .rl-kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.75rem; color: var(--rl-accent); font-weight: 700; margin: 0; }
.rl-report .rl-meta { color: var(--rl-muted); margin: 0; }
.rl-report .rl-meta b { color: var(--rl-text); font-weight: 600; }
.rl-report header { margin-bottom: 1.5rem; }
.rl-report section { background: var(--rl-surface); border: 1px solid var(--rl-border); border-radius: 10px; padding: 1.1rem 1.25rem; margin: 0 0 1.1rem; break-inside: avoid; }
.rl-report section.rl-long { break-inside: auto; }
.rl-report .rl-lede { color: var(--rl-muted); margin: -0.4rem 0 0.8rem; font-size: 0.9rem; }
.rl-report .rl-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.8rem; }
.rl-report .rl-card { border: 1px solid var(--rl-border); border-radius: 8px; padding: 0.8rem 1rem; }
.rl-report .rl-card dt { color: var(--rl-muted); font-size: 0.82rem; }
.rl-report .rl-card dd { margin: 0.1rem 0 0; font-size: 1.9rem; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.2; }
.rl-report .rl-card small { display: block; color: var(--rl-muted); font-size: 0.8rem; font-weight: 400; }
.rl-report .rl-card.rl-pass { background: var(--rl-pass-bg); border-color: var(--rl-pass); }
.rl-report .rl-card.rl-fail { background: var(--rl-fail-bg); border-color: var(--rl-fail); }
.rl-report .rl-badge { display: inline-block; font-size: 0.8rem; font-weight: 700; letter-spacing: 0.06em; padding: 0.1rem 0.5rem; border-radius: 99px; vertical-align: middle; }
.rl-report .rl-pass .rl-badge { background: var(--rl-pass); color: var(--rl-surface); }
.rl-report .rl-fail .rl-badge { background: var(--rl-fail); color: var(--rl-surface); }
.rl-report .rl-chart { display: block; max-width: 100%; height: auto; overflow: visible; }
.rl-report .rl-chart text { fill: var(--rl-text); font: 15px var(--rl-font); }
.rl-report .rl-chart .rl-axis { fill: var(--rl-muted); }
.rl-report .rl-chart .rl-grid { stroke: var(--rl-border); stroke-width: 1; }
.rl-report .rl-chart a:focus-visible rect, .rl-report .rl-chart a:hover rect { stroke: var(--rl-text); stroke-width: 1.5; }
.rl-report .rl-heat-0 { fill: var(--rl-heat-0); } .rl-report .rl-heat-1 { fill: var(--rl-heat-1); }
.rl-report .rl-heat-2 { fill: var(--rl-heat-2); } .rl-report .rl-heat-3 { fill: var(--rl-heat-3); }
.rl-report .rl-heat-4 { fill: var(--rl-heat-4); } .rl-report .rl-heat-5 { fill: var(--rl-heat-5); }
.rl-report .rl-fill-neutral { fill: var(--rl-sev-neutral); } .rl-report .rl-fill-minor { fill: var(--rl-sev-minor); }
.rl-report .rl-fill-major { fill: var(--rl-sev-major); } .rl-report .rl-fill-critical { fill: var(--rl-sev-critical); }
.rl-report .rl-fill-bar { fill: var(--rl-link); }
.rl-report .rl-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; list-style: none; padding: 0; margin: 0.6rem 0 0; font-size: 0.82rem; color: var(--rl-muted); }
.rl-report .rl-legend li { display: flex; align-items: center; gap: 0.35rem; }
.rl-report .rl-swatch { width: 0.85rem; height: 0.85rem; border-radius: 3px; display: inline-block; }
.rl-report .rl-swatch.rl-heat-0 { background: var(--rl-heat-0); } .rl-report .rl-swatch.rl-heat-1 { background: var(--rl-heat-1); }
.rl-report .rl-swatch.rl-heat-2 { background: var(--rl-heat-2); } .rl-report .rl-swatch.rl-heat-3 { background: var(--rl-heat-3); }
.rl-report .rl-swatch.rl-heat-4 { background: var(--rl-heat-4); } .rl-report .rl-swatch.rl-heat-5 { background: var(--rl-heat-5); }
.rl-report .rl-swatch.rl-sev-neutral { background: var(--rl-sev-neutral); } .rl-report .rl-swatch.rl-sev-minor { background: var(--rl-sev-minor); }
.rl-report .rl-swatch.rl-sev-major { background: var(--rl-sev-major); } .rl-report .rl-swatch.rl-sev-critical { background: var(--rl-sev-critical); }
.rl-report details { margin-top: 0.6rem; font-size: 0.88rem; }
.rl-report summary { cursor: pointer; color: var(--rl-muted); }
.rl-report table { border-collapse: collapse; width: 100%; margin-top: 0.4rem; font-size: 0.88rem; }
.rl-report th, .rl-report td { text-align: left; padding: 0.3rem 0.6rem 0.3rem 0; border-bottom: 1px solid var(--rl-border); vertical-align: top; }
.rl-report th { color: var(--rl-muted); font-weight: 600; }
.rl-report td.rl-n, .rl-report th.rl-n { text-align: right; font-variant-numeric: tabular-nums; }
.rl-report tr:target { background: var(--rl-sev-minor-bg); }
.rl-report .rl-paras { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.9rem; }
.rl-report .rl-para { border-left: 4px solid var(--rl-border); padding: 0.2rem 0 0.2rem 0.9rem; break-inside: avoid; }
.rl-report .rl-para.rl-worst-critical { border-left-color: var(--rl-sev-critical); }
.rl-report .rl-para.rl-worst-major { border-left-color: var(--rl-sev-major); }
.rl-report .rl-para.rl-worst-minor { border-left-color: var(--rl-sev-minor); }
.rl-report .rl-para:target { background: var(--rl-sev-minor-bg); }
.rl-report .rl-para-head { display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; align-items: baseline; font-size: 0.85rem; color: var(--rl-muted); }
.rl-report .rl-para-head a { font-weight: 700; font-size: 0.95rem; text-decoration: none; }
.rl-report .rl-text { margin: 0.35rem 0; font-size: 1rem; line-height: 1.7; overflow-wrap: anywhere; white-space: pre-wrap; }
.rl-report .rl-text:lang(zh) { font-family: var(--rl-font-zh); line-break: strict; letter-spacing: 0.02em; }
.rl-report .rl-text:lang(ja) { font-family: var(--rl-font-ja); line-break: strict; }
.rl-report .rl-source { color: var(--rl-muted); font-size: 0.92rem; }
.rl-report .rl-cut { color: var(--rl-muted); }
.rl-report mark { color: inherit; border-radius: 3px; padding: 0 1px; border-bottom: 2px solid; }
.rl-report mark.rl-sev-neutral { background: var(--rl-sev-neutral-bg); border-color: var(--rl-sev-neutral); }
.rl-report mark.rl-sev-minor { background: var(--rl-sev-minor-bg); border-color: var(--rl-sev-minor); }
.rl-report mark.rl-sev-major { background: var(--rl-sev-major-bg); border-color: var(--rl-sev-major); }
.rl-report mark.rl-sev-critical { background: var(--rl-sev-critical-bg); border-color: var(--rl-sev-critical); }
.rl-report mark.rl-omission { border: 0; padding: 0 2px; font-weight: 700; color: var(--rl-sev-major); background: none; }
.rl-report .rl-flags { margin: 0.2rem 0 0; padding-left: 1.1rem; font-size: 0.85rem; color: var(--rl-muted); }
.rl-report .rl-flags b { color: var(--rl-text); font-weight: 600; }
.rl-report .rl-sev { font-weight: 700; }
.rl-report .rl-sev.rl-sev-critical { color: var(--rl-sev-critical); } .rl-report .rl-sev.rl-sev-major { color: var(--rl-sev-major); }
.rl-report .rl-sev.rl-sev-minor { color: var(--rl-sev-minor); } .rl-report .rl-sev.rl-sev-neutral { color: var(--rl-sev-neutral); }
.rl-report .rl-raters { display: grid; gap: 0.5rem; }
.rl-report .rl-rater-line { display: grid; grid-template-columns: minmax(6rem, 10rem) 1fr; gap: 0.6rem; align-items: start; }
.rl-report .rl-rater-line > b { font-size: 0.85rem; padding-top: 0.3rem; overflow-wrap: anywhere; }
.rl-report .rl-empty { color: var(--rl-muted); font-style: italic; }
.rl-report code { font: 0.8em ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace; color: var(--rl-muted); }
.rl-report footer { color: var(--rl-muted); font-size: 0.8rem; margin-top: 1.5rem; }
@media (max-width: 40rem) { .rl-report { padding: 1rem 0.75rem; } .rl-report .rl-card dd { font-size: 1.5rem; } }
@media print {
  :root, :host {
    --rl-bg: #ffffff; --rl-surface: #ffffff; --rl-border: #cfcac1; --rl-text: #000000; --rl-muted: #4a4740;
    --rl-link: #1c3f8c; --rl-pass-bg: #ffffff; --rl-fail-bg: #ffffff;
    --rl-heat-0: #ece9e3; --rl-heat-1: #fbe7a1; --rl-heat-2: #f7c948; --rl-heat-3: #f08c2e; --rl-heat-4: #d9481c; --rl-heat-5: #9e1a12;
  }
  @page { margin: 14mm 12mm; }
  html, body { background: #fff; }
  .rl-report { max-width: none; padding: 0; font-size: 10.5pt; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .rl-report section { border-radius: 0; border-width: 0 0 1px; padding: 0.6rem 0 0.9rem; }
  .rl-report details, .rl-report .rl-noprint { display: none; }
  .rl-report .rl-cards { grid-template-columns: repeat(4, 1fr); }
  .rl-report a { color: inherit; text-decoration: none; }
  .rl-report h2, .rl-report .rl-lede { break-after: avoid; }
}
`;
