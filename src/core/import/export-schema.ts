import { z } from 'zod';
import { KIND_SCHEMAS, RECORD_KINDS } from './record-kinds.ts';

/**
 * The JSON Schema of one exported record (one JSONL line, or one element of a JSON export): a `kind`
 * and that kind's fields, generated from the same zod schemas import validates with. Fields with a
 * default may be left out.
 */
export function exportRecordJsonSchema(): Record<string, unknown> {
  const record = z.union(
    RECORD_KINDS.map((kind) => z.intersection(z.object({ kind: z.literal(kind) }), KIND_SCHEMAS[kind])),
  );
  return {
    ...z.toJSONSchema(record, { io: 'input', target: 'draft-2020-12' }),
    title: 'Yardstick export record',
    description:
      'One line of `yardstick export` (JSONL) and what `yardstick import` reads: a model card, benchmark, ' +
      'result, figure, run (spec, status, finish time) or sample (one model response and how it was scored).',
  };
}
