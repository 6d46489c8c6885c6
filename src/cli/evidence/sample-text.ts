import { verdictReason } from '../../core/samples/verdict-reason.ts';
import type { SampleRecord } from '../../core/schema/index.ts';
import { renderTable } from '../format/table.ts';

const oneLine = (text: string | null, width: number) => {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > width ? `${t.slice(0, width - 1)}…` : t;
};

function section(title: string, body: string): string {
  return `── ${title} ${'─'.repeat(Math.max(3, 60 - title.length))}\n${body}`;
}

/** Fields other engineers' records may add (scoring provenance, finish reason): shown when present. */
function extraFields(s: SampleRecord): [string, unknown][] {
  const known = new Set(Object.keys(emptyShape));
  return Object.entries(s).filter(([k, v]) => !known.has(k) && v !== null && v !== undefined);
}
const emptyShape: Record<keyof SampleRecord, true> = {
  runId: true,
  itemId: true,
  sampleIndex: true,
  messages: true,
  response: true,
  reasoning: true,
  extracted: true,
  verdict: true,
  score: true,
  promptTokens: true,
  completionTokens: true,
  latencyMs: true,
  error: true,
  scorerVersion: true,
  target: true,
  tags: true,
  scoring: true,
  finishReason: true,
  reasoningTokens: true,
  createdAt: true,
};

/** One sample in full: prompt, reasoning (folded unless asked for), response, gold, extracted, verdict and why. */
export function sampleText(s: SampleRecord, showReasoning: boolean): string {
  const tags = Object.entries(s.tags).map(([k, v]) => `${k}=${v}`);
  const head =
    `item ${s.itemId}  sample ${s.sampleIndex}  verdict ${s.verdict}` +
    `${s.score === null ? '' : `  score ${s.score}`}${tags.length ? `  ${tags.join(' ')}` : ''}`;
  const parts = [head, section('prompt', s.messages.map((m) => `[${m.role}] ${m.content}`).join('\n\n'))];
  if (s.reasoning !== null) {
    const lines = s.reasoning.split('\n').length;
    parts.push(
      showReasoning
        ? section('reasoning', s.reasoning)
        : section(
            'reasoning',
            `(${lines} line${lines === 1 ? '' : 's'}, ${s.reasoning.length} characters folded; --reasoning shows it)`,
          ),
    );
  }
  parts.push(section('response', s.response ?? '(none)'));
  const facts = [
    `gold:      ${s.target ?? '(not recorded)'}`,
    `extracted: ${s.extracted ?? '(none)'}`,
    `verdict:   ${s.verdict}: ${verdictReason(s)}`,
    `scorer:    ${s.scorerVersion ?? '(unknown)'}`,
    `tokens:    ${s.promptTokens ?? '?'} prompt, ${s.completionTokens ?? '?'} completion` +
      `${s.reasoningTokens ? ` (${s.reasoningTokens} reasoning)` : ''}; latency ${s.latencyMs === null ? '?' : `${Math.round(s.latencyMs)} ms`}`,
    `finish:    ${s.finishReason ?? '(not recorded)'}`,
    ...extraFields(s).map(
      ([k, v]) => `${`${k}:`.padEnd(10)} ${typeof v === 'string' ? v : JSON.stringify(v)}`,
    ),
  ];
  parts.push(section('scoring', facts.join('\n')));
  return parts.join('\n');
}

/** A run's samples, one line each. */
export function sampleTable(samples: SampleRecord[]): string {
  return renderTable(samples, [
    { header: 'item', value: (s) => s.itemId },
    { header: '#', value: (s) => String(s.sampleIndex), align: 'right' },
    { header: 'verdict', value: (s) => s.verdict },
    { header: 'gold', value: (s) => oneLine(s.target, 16) },
    { header: 'extracted', value: (s) => oneLine(s.extracted, 16) },
    {
      header: 'tokens',
      value: (s) => (s.completionTokens === null ? '' : String(s.completionTokens)),
      align: 'right',
    },
    {
      header: 'response',
      value: (s) => oneLine(s.verdict === 'error' ? `error: ${s.error}` : s.response, 60),
    },
  ]);
}
