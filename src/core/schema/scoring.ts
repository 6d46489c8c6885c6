import { z } from 'zod';

/**
 * Which extraction rule produced the answer that was scored:
 * - math: `boxed` (the last `\boxed{}`, or adjacent boxes as a list), `final-answer` ("The final answer is
 *   …", "Final Answer: …"), `answer-is` ("the answer is …", "Answer: …"), `last-expression` (no marker:
 *   the last math span or number, reported separately);
 * - numbers (GSM8K): `hashes` ("#### 72"), `final-answer`, `answer-is`, `boxed`, `program-output` (no marker, the
 *   one number a tool-integrated response's last ```output block printed), `last-number` (no marker);
 * - multiple choice: `choice-letter` (an explicit letter), `option-text` (the text of one option),
 *   `last-letter` (a letter standing alone near the end), `hedged` (two options named: no answer),
 *   `invalid-letter` (a letter that is not an option: no answer);
 * - `none`: nothing was found.
 */
export const ExtractionRule = z.enum([
  'boxed',
  'final-answer',
  'answer-is',
  'last-expression',
  'hashes',
  'program-output',
  'last-number',
  'choice-letter',
  'option-text',
  'last-letter',
  'hedged',
  'invalid-letter',
  'none',
]);
export type ExtractionRule = z.infer<typeof ExtractionRule>;

/**
 * What decided equivalence: `exact` (normalised texts equal, or letters/words), `numeric` (two plain
 * numbers), `structural` (tuples, intervals, sets, matrices compared element by element without the
 * symbolic engine), `symbolic` (the computer-algebra engine), `timeout` (the engine did not answer within
 * its budget twice: the sample is an error, not incorrect), `too-large` (an answer over the size cap is
 * never parsed: not equal), `error` (the engine crashed twice: an error).
 */
export const EquivalenceMethod = z.enum([
  'exact',
  'numeric',
  'structural',
  'symbolic',
  'timeout',
  'too-large',
  'error',
]);
export type EquivalenceMethod = z.infer<typeof EquivalenceMethod>;

/** How one sample was scored, stored with it (the `scoring` field of a sample record). */
export const Scoring = z.object({
  rule: ExtractionRule,
  /** The answer text the rule took from the response, before normalisation. */
  extracted: z.string().nullable(),
  /** The normalised forms that were compared; null when nothing was compared. */
  normalized: z.object({ gold: z.string(), answer: z.string() }).nullable(),
  /** Null when no equivalence check was needed (nothing extracted, letters compared). */
  method: EquivalenceMethod.nullable(),
});
export type Scoring = z.infer<typeof Scoring>;
