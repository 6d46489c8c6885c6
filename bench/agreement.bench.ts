// Agreement with independent labels on real, published model generations (data outside the repository).
// Run by hand: YARDSTICK_AGREEMENT_DATA=/path/to/dir node bench/agreement.bench.ts [--examples N]
// The directory holds files taken unchanged from public repositories (see bench/README.md, "agreement.bench.ts"):
//   gsm8k-test.jsonl, gsm8k-example-model-solutions.jsonl   openai/grade-school-math (MIT)
//   tora-<model>-gsm8k.jsonl                                microsoft/ToRA src/outputs (MIT)
//   abel-<7b|13b|70b>-gsm8k.jsonl                           GAIR-NLP/abel outputs/gsm8k
//   math500-eval-prm-report.html                            bwu1234/math500-eval-prm report.html (MIT)
//   zscot-gsm8k.log, zscot-aqua.log, zscot-commonsensqa.log kojima-takeshi188/zero_shot_cot log/
// Each generation is scored with the scorer the benchmark's task uses (what `rescore` runs: the GSM8K number
// scorer, the multiple-choice scorer, the math scorer with the shared equivalence pool) and its verdict is
// compared with the label the source published. Prints per source: items, agreement %, false positives
// (Yardstick correct, label wrong), false negatives (Yardstick incorrect or no answer, label right), examples.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedEquivalencePool } from '../src/adapters/equivalence-pool/equivalence-pool.ts';
import { choiceScorer } from '../src/benchmarks/common/choice-scorer.ts';
import { mathScorer } from '../src/benchmarks/common/math-scorer.ts';
import { gsm8kItems, gsm8kScorer } from '../src/benchmarks/gsm8k/gsm8k-task.ts';
import { firstNumber } from '../src/core/extract/extract-number.ts';
import type { Item, Scorer } from '../src/core/task/task.ts';

const dir = process.env.YARDSTICK_AGREEMENT_DATA;
if (!dir || !existsSync(dir)) {
  console.log(
    'skipped: set YARDSTICK_AGREEMENT_DATA to the directory of published generations (bench/README.md)',
  );
  process.exit(0);
}
const exampleArg = process.argv.indexOf('--examples');
const EXAMPLES = exampleArg > 0 ? Number(process.argv[exampleArg + 1]) : 3;

interface Labelled {
  item: Item;
  response: string;
  /** The source's own verdict. */
  label: boolean;
}
interface Source {
  name: string;
  scorer: Scorer;
  rows: Labelled[];
}

const file = (name: string) => join(dir, name);
const has = (name: string) => existsSync(file(name));
const jsonl = <T>(name: string) =>
  readFileSync(file(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** openai/grade-school-math: four models' solutions per test question, each with OpenAI's is_correct. */
function gradeSchoolMath(): Source[] {
  if (!has('gsm8k-example-model-solutions.jsonl') || !has('gsm8k-test.jsonl')) return [];
  const items = new Map(
    gsm8kItems('gsm8k-test.jsonl', readFileSync(file('gsm8k-test.jsonl'), 'utf8')).map((i) => [i.input, i]),
  );
  const rows = jsonl<Record<string, unknown> & { question: string }>('gsm8k-example-model-solutions.jsonl');
  const models = Object.keys(rows[0]!).filter((k) => k !== 'question' && k !== 'ground_truth');
  return models.map((m) => ({
    name: `grade-school-math ${m} (GSM8K)`,
    scorer: gsm8kScorer,
    rows: rows.map((r) => {
      const s = r[m] as { is_correct: boolean; solution: string };
      const item = items.get(r.question);
      if (!item)
        throw new Error(`gsm8k-example-model-solutions.jsonl: question not in the test set: ${r.question}`);
      return { item, response: s.solution, label: s.is_correct };
    }),
  }));
}

/** microsoft/ToRA released outputs: the label is ToRA's own grading of its extracted "pred" against "gt". */
function tora(): Source[] {
  const out: Source[] = [];
  for (const model of ['tora-70b-v1.0', 'tora-code-34b-v1.0']) {
    const name = `tora-${model}-gsm8k.jsonl`;
    if (!has(name)) continue;
    const rows = jsonl<{ idx: number; question: string; gt: string; code: string[]; pred: string[] }>(name);
    out.push({
      name: `ToRA ${model} (GSM8K)`,
      scorer: gsm8kScorer,
      rows: rows.map((r) => ({
        // the target as the GSM8K task reads it ("276,000" -> "276000")
        item: { id: String(r.idx), input: r.question, target: firstNumber(r.gt) ?? r.gt, metadata: {} },
        response: r.code[0]!,
        label: toraEqual(r.pred[0] ?? '', r.gt),
      })),
    });
  }
  return out;
}

/** ToRA's grader on numbers: relative tolerance 1e-4 (its math_equal), else the same text. */
function toraEqual(pred: string, gt: string): boolean {
  const a = Number(pred.replace(/,/g, ''));
  const b = Number(gt.replace(/,/g, ''));
  if (pred.trim() !== '' && Number.isFinite(a) && Number.isFinite(b))
    return Math.abs(a - b) <= 1e-4 * Math.max(Math.abs(a), Math.abs(b));
  return pred.trim() === gt.trim();
}

/** GAIR-NLP/abel released GSM8K outputs (7B, 13B, 70B): the label is Abel's own grading ("result"). */
function abel(): Source[] {
  return ['7b', '13b', '70b']
    .filter((m) => has(`abel-${m}-gsm8k.jsonl`))
    .map((m) => ({
      name: `Abel ${m.toUpperCase()} (GSM8K)`,
      scorer: gsm8kScorer,
      rows: jsonl<{ id: number; prompt: string; response: string; gold: string; result: boolean }>(
        `abel-${m}-gsm8k.jsonl`,
      ).map((r) => ({
        item: { id: String(r.id), input: r.prompt, target: firstNumber(r.gold) ?? r.gold, metadata: {} },
        response: r.response,
        label: r.result,
      })),
    }));
}

/** kojima-takeshi188/zero_shot_cot logs (GPT-3 text-davinci-002): the label is the authors' pred_mode == GT. */
function zeroShotCot(): Source[] {
  const out: Source[] = [];
  for (const [log, bench] of [
    ['zscot-gsm8k.log', 'GSM8K'],
    ['zscot-aqua.log', 'AQuA'],
    ['zscot-commonsensqa.log', 'CommonsenseQA'],
  ] as const) {
    if (!has(log)) continue;
    const blocks = readFileSync(file(log), 'utf8').split(/\n\*+\n/);
    const rows: Labelled[] = [];
    for (const b of blocks) {
      const m = /\nQ: ([\s\S]*?)\nA: ([\s\S]*?)\npred_before :[\s\S]*?\npred_mode : (.*)\nGT : (.*)/.exec(b);
      if (!m) continue;
      const [, question, response, pred, gt] = m as unknown as [string, string, string, string, string];
      const id = String(rows.length);
      const label = pred.trim() === gt.trim();
      if (bench === 'GSM8K')
        rows.push({ item: { id, input: question, target: gt.trim(), metadata: {} }, response, label });
      else {
        const [stem, list = ''] = question.split(/Answer Choices:/);
        const parts = [...list.matchAll(/\(([A-E])\)\s*(.*?)\s*(?=\([A-E]\)|$)/g)];
        const letters = parts.map((p) => p[1]).join('');
        const choices = parts.map((p) => p[2]!);
        rows.push({
          item: { id, input: stem!, target: gt.trim(), metadata: { letters, choices } },
          response,
          label,
        });
      }
    }
    out.push({
      name: `zero_shot_cot text-davinci-002 (${bench})`,
      scorer: bench === 'GSM8K' ? gsm8kScorer : choiceScorer,
      rows,
    });
  }
  return out;
}

/**
 * bwu1234/math500-eval-prm report.html: a full MATH-500 run of gemma-4-31b-it, each question's extracted answer
 * ("got"), gold ("want") and verdict (its grader, reviewed by hand). Only the extracted answer is published, so
 * the response scored is that answer in a box: this measures equivalence, not extraction.
 */
function math500Report(): Source[] {
  const name = 'math500-eval-prm-report.html';
  if (!has(name)) return [];
  const fromHtml = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&middot;/g, '·')
      .replace(/&amp;/g, '&')
      .trim();
  const re =
    /<details class="q (ok|bad)">[\s\S]*?<span class="qmeta">#(\d+)[\s\S]*?<span class="qans mono">got ([\s\S]*?)\n\s*&middot; want ([\s\S]*?)<\/span>/g;
  const rows = [...readFileSync(file(name), 'utf8').matchAll(re)].map((m) => {
    const got = fromHtml(m[3]!);
    return {
      item: { id: m[2]!, input: '', target: fromHtml(m[4]!), metadata: {} },
      response: got ? `The final answer is $\\boxed{${got}}$.` : '',
      label: m[1] === 'ok',
    };
  });
  return [
    {
      name: 'math500-eval-prm gemma-4-31b-it (MATH-500, answers only)',
      scorer: mathScorer(sharedEquivalencePool),
      rows,
    },
  ];
}

/** MATH-style sources: {problem, answer, response, correct} rows in math-*.jsonl files, if any are provided. */
function mathFiles(): Source[] {
  const scorer = mathScorer(sharedEquivalencePool);
  return ['math500-generations.jsonl'].filter(has).map((name) => ({
    name: `${name} (MATH)`,
    scorer,
    rows: jsonl<{ id?: string; problem: string; answer: string; response: string; correct: boolean }>(
      name,
    ).map((r, i) => ({
      item: { id: r.id ?? String(i), input: r.problem, target: r.answer, metadata: {} },
      response: r.response,
      label: r.correct,
    })),
  }));
}

const tail = (s: string) => JSON.stringify(s.length > 160 ? `…${s.slice(-160)}` : s);
const sources = [
  ...gradeSchoolMath(),
  ...tora(),
  ...abel(),
  ...zeroShotCot(),
  ...math500Report(),
  ...mathFiles(),
];
if (sources.length === 0) {
  console.log(`skipped: no known files in ${dir} (bench/README.md lists them)`);
  process.exit(0);
}
let all = 0;
let allAgree = 0;
for (const src of sources) {
  const fp: string[] = [];
  const fn: string[] = [];
  let agree = 0;
  let errors = 0;
  let hedged = 0;
  const byRule: Record<string, number> = {};
  for (const r of src.rows) {
    const s = await src.scorer({ text: r.response, reasoning: null }, r.item);
    if (s.verdict === 'error') errors++;
    const ours = s.verdict === 'correct';
    if (s.scoring?.rule === 'hedged') hedged++;
    if (ours === r.label) agree++;
    else {
      const rule = s.scoring?.rule ?? 'none';
      byRule[rule] = (byRule[rule] ?? 0) + 1;
    }
    if (ours !== r.label)
      (ours ? fp : fn).push(
        `  #${r.item.id} gold ${JSON.stringify(r.item.target)} extracted ${JSON.stringify(s.extracted)} (${s.scoring?.rule ?? 'none'}) response ${tail(r.response)}`,
      );
  }
  all += src.rows.length;
  allAgree += agree;
  const pct = ((100 * agree) / src.rows.length).toFixed(2);
  console.log(
    `${src.name}: ${src.rows.length} items, agreement ${pct}%, false positives ${fp.length}, false negatives ${fn.length}` +
      (errors ? `, scorer errors ${errors}` : ''),
  );
  if (fp.length + fn.length) {
    const rules = Object.entries(byRule).map(([k, v]) => `${k} ${v}`);
    console.log(` disagreements by Yardstick's extraction rule: ${rules.join(', ')}`);
  }
  // hedged answers ("A, B, or D") are no answer by policy; sources that take the first letter count them
  if (hedged) {
    const rest = src.rows.length - hedged;
    const restAgree = agree - (hedged - (byRule.hedged ?? 0));
    console.log(
      ` without the ${hedged} hedged responses: ${rest} items, agreement ${((100 * restAgree) / rest).toFixed(2)}%`,
    );
  }
  if (fp.length) console.log(` false positives:\n${fp.slice(0, EXAMPLES).join('\n')}`);
  if (fn.length) console.log(` false negatives:\n${fn.slice(0, EXAMPLES).join('\n')}`);
}
console.log(`all: ${all} items, agreement ${((100 * allAgree) / all).toFixed(2)}%`);
await sharedEquivalencePool().close();
