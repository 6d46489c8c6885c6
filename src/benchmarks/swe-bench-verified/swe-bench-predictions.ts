import { stripReasoning, fencedBlocks } from '../../core/code/extract-code.ts';

/** One line of the official harness's predictions file (--predictions_path). */
export interface SwePrediction {
  instance_id: string;
  model_name_or_path: string;
  model_patch: string;
}

/**
 * The patch in a model's answer: a ```diff / ```patch block (or any block that looks like a unified
 * diff), else the text from the first "diff --git" or "--- " header on. Empty when there is none
 * (the harness then counts the instance as an empty patch).
 */
export function extractPatch(text: string): string {
  const answer = stripReasoning(text);
  const isDiff = (s: string) => /^(diff --git |--- )/m.test(s) && /^@@ /m.test(s);
  const blocks = fencedBlocks(answer);
  const b =
    blocks.find((x) => (x.lang === 'diff' || x.lang === 'patch') && isDiff(x.code)) ??
    blocks.find((x) => isDiff(x.code));
  let patch = b?.code ?? '';
  if (!patch) {
    const m = /^(diff --git |--- )/m.exec(answer);
    if (m && isDiff(answer.slice(m.index))) patch = answer.slice(m.index);
  }
  if (patch && !patch.endsWith('\n')) patch += '\n';
  return patch;
}

/** The predictions file's text: one JSON object per line, in instance order. */
export function predictionsJsonl(preds: SwePrediction[]): string {
  return preds.map((p) => JSON.stringify(p)).join('\n') + (preds.length ? '\n' : '');
}
