import type { PairedItemTest } from '../../core/compare/paired-item-test.ts';
import { runCondition } from '../../core/compare/run-delta.ts';
import type { StoredRunComparison } from '../../app/evidence/compare-stored-runs.ts';
import type { RunRecord } from '../../core/schema/index.ts';
import { renderTable } from '../format/table.ts';

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;
const ci = (low: number, high: number) => `[${signed(low)}, ${signed(high)}]`;
const pText = (p: number) => (p < 0.0001 ? '< 0.0001' : p.toFixed(4));
const share = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

function runLine(label: string, r: RunRecord): string {
  const s = r.spec;
  return `${label}  ${s.id}  (${s.model}, ${s.benchmark}, condition ${runCondition(s)}, k=${s.samples}, ${r.status})`;
}

function methodText(t: PairedItemTest): string {
  return t.method === 'exact-mcnemar'
    ? `exact McNemar p ${pText(t.p)}`
    : `paired bootstrap over items, z-test p ${pText(t.p)}`;
}

/** `yardstick compare` as text: the runs, counts, paired and unpaired intervals, groups, flipped items. */
export function comparisonText(c: StoredRunComparison): string {
  const { comparison: m } = c;
  const t = m.test!;
  const lines = [
    runLine('A', c.a),
    runLine('B', c.b),
    '',
    `items: ${m.shared} scored in both (${m.onlyA} only in A, ${m.onlyB} only in B), ` +
      `${m.samplesPerItem === 1 ? '1 sample' : `up to ${m.samplesPerItem} samples`} per item`,
    `score: A ${t.scoreA.toFixed(1)}%, B ${t.scoreB.toFixed(1)}%`,
    `B against A: ${t.improved} improved, ${t.regressed} regressed, ${t.unchanged} unchanged`,
    `difference B − A: ${signed(t.difference)} points, 95% CI ${ci(t.low, t.high)} paired (${methodText(t)}); ` +
      `unpaired CI ${ci(t.unpaired.low, t.unpaired.high)}`,
  ];
  const groups = m.groups.filter((g) => g.test);
  if (groups.length) {
    lines.push(
      '',
      renderTable(groups, [
        { header: 'group', value: (g) => `${g.tag} ${g.value}` },
        { header: 'items', value: (g) => String(g.items), align: 'right' },
        { header: 'A %', value: (g) => g.test!.scoreA.toFixed(1), align: 'right' },
        { header: 'B %', value: (g) => g.test!.scoreB.toFixed(1), align: 'right' },
        { header: 'Δ', value: (g) => signed(g.test!.difference), align: 'right' },
        { header: '95% CI', value: (g) => ci(g.test!.low, g.test!.high) },
        { header: 'up', value: (g) => String(g.test!.improved), align: 'right' },
        { header: 'down', value: (g) => String(g.test!.regressed), align: 'right' },
        { header: 'p', value: (g) => pText(g.test!.p), align: 'right' },
      ]),
    );
  }
  lines.push('', `flipped items (${m.flipped.length}):`);
  if (m.flipped.length)
    lines.push(
      renderTable(m.flipped, [
        { header: 'item', value: (f) => f.itemId },
        { header: 'A', value: (f) => share(f.a), align: 'right' },
        { header: 'B', value: (f) => share(f.b), align: 'right' },
        { header: 'change', value: (f) => (f.b > f.a ? 'improved' : 'regressed') },
        {
          header: 'tags',
          value: (f) =>
            Object.entries(f.tags)
              .map(([k, v]) => `${k}=${v}`)
              .join(' '),
        },
      ]),
    );
  return lines.join('\n');
}
