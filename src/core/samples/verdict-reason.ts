import type { SampleRecord } from '../schema/index.ts';

/** How the answer was found and compared, from the sample's scoring provenance; '' when none was recorded. */
function provenance(s: SampleRecord): string {
  const p = s.scoring;
  if (!p) return '';
  const parts = [`rule ${p.rule}`];
  if (p.normalized)
    parts.push(`compared ${JSON.stringify(p.normalized.answer)} with ${JSON.stringify(p.normalized.gold)}`);
  if (p.method) parts.push(`by ${p.method}`);
  return ` (${parts.join(', ')})`;
}

/** Why a sample got its verdict, in one sentence, from what the sample records. */
export function verdictReason(s: SampleRecord): string {
  return `${verdictText(s)}${provenance(s)}`;
}

function verdictText(s: SampleRecord): string {
  const gold = s.target === null ? '' : ` gold answer ${JSON.stringify(s.target)}`;
  switch (s.verdict) {
    case 'error':
      return `no usable response: ${s.error ?? 'unknown error'} (excluded from scores)`;
    case 'no-answer':
      return 'no answer could be extracted from the response';
    case 'correct':
      return `extracted ${JSON.stringify(s.extracted)} matches the${gold || ' gold answer'}`;
    case 'incorrect':
      return s.extracted === null
        ? `the response does not match the${gold || ' gold answer'}`
        : `extracted ${JSON.stringify(s.extracted)} does not match the${gold || ' gold answer'}`;
  }
}
