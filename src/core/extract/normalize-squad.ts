/** SQuAD answer normalisation: lower case, no punctuation, no articles (a, an, the), single spaces. */
export function normalizeSquad(s: string): string {
  return s
    .toLowerCase()
    .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~‘’“”]/g, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/** SQuAD exact match: 1 when the normalised strings are equal. */
export function squadExactMatch(prediction: string, gold: string): number {
  return normalizeSquad(prediction) === normalizeSquad(gold) ? 1 : 0;
}

export interface SquadF1 {
  f1: number;
  precision: number;
  recall: number;
}

/**
 * Token F1 as in the official HotpotQA evaluation: yes/no/noanswer must match exactly,
 * otherwise the bag-of-tokens overlap of the normalised strings.
 */
export function squadF1(prediction: string, gold: string): SquadF1 {
  const p = normalizeSquad(prediction);
  const g = normalizeSquad(gold);
  const zero = { f1: 0, precision: 0, recall: 0 };
  const special = ['yes', 'no', 'noanswer'];
  if ((special.includes(p) || special.includes(g)) && p !== g) return zero;
  const pt = p.split(' ').filter(Boolean);
  const gt = g.split(' ').filter(Boolean);
  const counts = new Map<string, number>();
  for (const t of gt) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of pt) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (common === 0) return zero;
  const precision = common / pt.length;
  const recall = common / gt.length;
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}

/**
 * The short answer of a free-text QA response: what follows the last "answer is" / "Answer:",
 * else the last non-empty line; trailing period and surrounding quotes/bold removed.
 */
export function extractShortAnswer(text: string): string | null {
  let last: string | null = null;
  for (const m of text.matchAll(/(?:the answer is|final answer\s*(?:is)?|answer\s*:)\s*[:：]?\s*([^\n]+)/gi))
    last = m[1] ?? null;
  if (last === null) {
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    last = lines[lines.length - 1] ?? null;
  }
  if (last === null) return null;
  let t = last.trim();
  for (let pass = 0; pass < 2; pass++)
    t = t
      .replace(/\.$/, '')
      .replace(/^\*\*|\*\*$/g, '')
      .replace(/^["'“]|["'”]$/g, '')
      .trim();
  return t || null;
}
