import type { Leaderboard } from '../core/report/leaderboard.ts';
import type { RunRecord } from '../core/schema/index.ts';
import { esc } from './report-escape.ts';

const f1 = (x: number) => x.toFixed(1);

/** The leaderboard of measured scores: models (and conditions) by benchmarks, each cell with its CI and run. */
export function leaderboardHtml(lb: Leaderboard): string {
  const head = lb.benchmarks.map((b) => `<th scope="col">${esc(b.shortName ?? b.name)}</th>`).join('');
  const rows = lb.rows.map((row) => {
    const cells = lb.benchmarks.map((b) => {
      const v = row.cells.get(b.id);
      if (!v) return '<td class="none">–</td>';
      const r = v.result;
      const ci =
        r.ciLow !== null && r.ciHigh !== null
          ? ` <span class="ci">[${f1(r.ciLow)}, ${f1(r.ciHigh)}]</span>`
          : '';
      const n = r.n === null ? '' : `, n=${r.n}`;
      return `<td><span class="score">${f1(r.value)}</span>${ci}<br><span class="src">${esc(r.metric)}${n}, run ${esc(r.runId ?? '')}</span></td>`;
    });
    return `<tr><th scope="row">${esc(row.label)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="leaderboard">
<caption>Measured scores (%) with 95% intervals, from the latest finished run of each model, benchmark and condition.</caption>
<thead><tr><th scope="col">Model</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

export interface Provenance {
  version: string;
  generatedAt: string;
  runs: RunRecord[];
}

/** Where the measured numbers come from: Yardstick version, date, and every run's spec and dataset checksum. */
export function provenanceHtml(p: Provenance): string {
  const rows = p.runs.map((r) => {
    const s = r.spec;
    const gen = s.generation;
    const settings = [
      `temperature ${gen.temperature}`,
      gen.topP === null ? null : `top-p ${gen.topP}`,
      gen.maxTokens === null ? null : `max tokens ${gen.maxTokens}`,
      `seed ${s.seed}`,
      `k ${s.samples}`,
      s.limit === null ? 'all items' : `first ${s.limit} items`,
    ].filter(Boolean);
    const args = Object.keys(s.task.args).length ? ` ${JSON.stringify(s.task.args)}` : '';
    return (
      `<tr><td>${esc(s.id)}</td><td>${esc(s.model)}</td><td>${esc(s.provider.name)}${s.endpoint ? ` ${esc(s.endpoint)}` : ''}</td>` +
      `<td>${esc(s.benchmark)}${s.benchmarkVersion ? ` ${esc(s.benchmarkVersion)}` : ''}</td><td>${esc(s.condition ?? 'default')}${s.baseline ? ` vs ${esc(s.baseline)}` : ''}</td>` +
      `<td>${esc(s.task.name)}${esc(args)}, prompt ${esc(s.promptTemplateHash)}</td><td>${esc(settings.join(', '))}</td>` +
      `<td>${esc(s.dataset?.itemsSha256 ?? 'not recorded')}</td><td>${esc(s.toolVersion)}</td><td>${esc(r.finishedAt ?? '')}</td></tr>`
    );
  });
  return `<p>Written by Yardstick ${esc(p.version)} on ${esc(p.generatedAt)}.</p>
<table class="provenance">
<thead><tr><th>run</th><th>model</th><th>provider</th><th>benchmark</th><th>condition</th><th>task and prompt</th><th>generation</th><th>dataset sha256</th><th>Yardstick</th><th>finished</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
