/** The report page: one section per figure, static SVG inline, made interactive by vega-embed when scripts run. */

import type { FigureDescription } from '../core/describe/figure-description.ts';
import { esc } from './report-escape.ts';

export interface ReportSection {
  id: string;
  title: string;
  /** Null only when the figure could not be described either (see `error`). */
  description: FigureDescription | null;
  svg: string;
  spec: unknown;
  png: string;
  svgFile: string;
  /** Why the figure could not be drawn; the section then shows this instead of the figure. */
  error: string | null;
}

/** Measured results: the leaderboard before the figures, provenance after them (HTML fragments). */
export interface MeasuredBlocks {
  leaderboard: string;
  provenance: string;
}

export interface ReportScripts {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

/** The figure's written description as HTML: the Overview as its caption, the rest folded below. */
function descriptionHtml(d: FigureDescription): string {
  const section = (s: FigureDescription['sections'][number]) =>
    `<h3>${esc(s.heading)}</h3>\n${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}` +
    (s.bullets.length ? `\n<ul>${s.bullets.map((b) => `<li>${esc(b.trim())}</li>`).join('')}</ul>` : '');
  const [overview, ...rest] = d.sections;
  const lead = overview ? overview.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n') : '';
  return `${lead}\n<details><summary>Description and findings</summary>\n${rest.map(section).join('\n')}\n</details>`;
}

/** Script text made safe to inline: it can no longer close its <script> element. */
const inline = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1');

/** JSON made safe inside <script type="application/json">. */
const jsonInline = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

const STYLE = `
body { font-family: Arimo, "Liberation Sans", Arial, Helvetica, sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; color: #222; }
h1 { font-size: 24px; margin-bottom: 4px; }
nav ol { padding-left: 20px; }
section { margin: 40px 0; border-top: 1px solid #ddd; padding-top: 16px; }
h2 { font-size: 19px; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #444; margin-top: 8px; line-height: 1.45; }
.files { font-size: 13px; color: #666; }
.interactive:empty { display: none; }
.vega-embed { max-width: 100%; }
.figure-error { color: #a00; border-left: 3px solid #a00; padding: 8px 12px; background: #fff4f4; }
table { border-collapse: collapse; font-size: 14px; margin: 12px 0; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: left; vertical-align: top; }
.leaderboard td { text-align: right; }
.leaderboard .score { font-weight: bold; }
.ci, .src { color: #666; font-size: 12px; }
.provenance { font-size: 12px; }
`;

const SCRIPT = `
(function () {
  var sections = document.querySelectorAll('section[data-figure]');
  sections.forEach(function (section) {
    var spec = JSON.parse(section.querySelector('script[type="application/json"]').textContent);
    var target = section.querySelector('.interactive');
    vegaEmbed(target, spec, { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } })
      .then(function () {
        section.querySelector('.static').hidden = true;
        section.setAttribute('data-rendered', 'true');
      })
      .catch(function (err) {
        section.setAttribute('data-rendered', 'error');
        section.setAttribute('data-error', String(err && err.message || err));
      });
  });
})();
`;

/** The whole page as one self-contained HTML document (no external requests). */
export function reportHtml(
  title: string,
  sections: ReportSection[],
  scripts: ReportScripts,
  measured: MeasuredBlocks | null = null,
): string {
  const toc = [
    ...(measured ? ['<li><a href="#measured">Measured results</a></li>'] : []),
    ...sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`),
    ...(measured ? ['<li><a href="#provenance">Provenance</a></li>'] : []),
  ].join('\n');
  const body = sections
    .map((s) =>
      s.error !== null || s.description === null
        ? `<section id="${esc(s.id)}" data-figure-error="${esc(s.id)}">
<h2>${esc(s.title)}</h2>
<p class="figure-error">This figure could not be drawn: ${esc(s.error ?? 'no description')}</p>
</section>`
        : `<section id="${esc(s.id)}" data-figure="${esc(s.id)}">
<h2>${esc(s.title)}</h2>
<figure>
<div class="static">${s.svg}</div>
<div class="interactive"></div>
<figcaption>${descriptionHtml(s.description)}</figcaption>
</figure>
<p class="files"><a href="${esc(s.png)}">PNG</a> · <a href="${esc(s.svgFile)}">SVG</a> · <a href="${esc(s.id)}.vl.json">Vega-Lite spec</a></p>
<script type="application/json">${jsonInline(s.spec)}</script>
</section>`,
    )
    .join('\n');
  const leaderboard = measured
    ? `<section id="measured">\n<h2>Measured results</h2>\n${measured.leaderboard}\n</section>\n`
    : '';
  const provenance = measured
    ? `\n<section id="provenance">\n<h2>Provenance</h2>\n${measured.provenance}\n</section>`
    : '';
  const drawn = sections.filter((s) => s.error === null).length;
  const failed = sections.length - drawn;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'none'">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p>${drawn} figure${drawn === 1 ? '' : 's'}, drawn by Yardstick from stored results${failed ? `; ${failed} could not be drawn` : ''}.</p>
<nav><ol>
${toc}
</ol></nav>
${leaderboard}${body}${provenance}
<script>${inline(scripts.vega)}</script>
<script>${inline(scripts.vegaLite)}</script>
<script>${inline(scripts.vegaEmbed)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
