import type { SampleRecord } from '../schema/index.ts';

/** Why a sample got its verdict, in one sentence, from what the sample records. */
export function verdictReason(s: SampleRecord): string {
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
