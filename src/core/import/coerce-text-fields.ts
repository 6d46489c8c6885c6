import { checkJsonText } from './check-json-text.ts';
import { type RecordKind, TEXT_FIELD_TYPES } from './record-kinds.ts';
import type { InputProblem, SourceRecord } from './source-record.ts';

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/**
 * Turns the strings of a CSV row into typed values: empty cells are absent, numbers and booleans
 * are parsed, lists are split on ";" and JSON cells are parsed. Problems name the field.
 */
export function coerceTextFields(
  rec: SourceRecord,
  kind: RecordKind,
): { fields: Record<string, unknown>; problems: InputProblem[] } {
  const types = TEXT_FIELD_TYPES[kind];
  const fields: Record<string, unknown> = {};
  const problems: InputProblem[] = [];
  const bad = (field: string, problem: string) =>
    problems.push({ file: rec.file, line: rec.line, field, problem });
  for (const [name, raw] of Object.entries(rec.fields)) {
    if (typeof raw !== 'string') {
      fields[name] = raw;
      continue;
    }
    const text = raw.trim();
    if (text === '') continue;
    switch (types[name]) {
      case 'number': {
        const n = Number(text.replace(/%$/, ''));
        if (!Number.isFinite(n)) bad(name, `expected a number, got "${text}"`);
        else fields[name] = n;
        break;
      }
      case 'boolean': {
        const t = text.toLowerCase();
        if (TRUE.has(t)) fields[name] = true;
        else if (FALSE.has(t)) fields[name] = false;
        else bad(name, `expected true or false, got "${text}"`);
        break;
      }
      case 'list':
        fields[name] = text
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case 'json': {
        // A cell holds JSON under the same rules as a JSON file: no repeated key, no deep nesting.
        const odd = checkJsonText(text);
        if (odd) {
          bad(name, odd.problem);
          break;
        }
        try {
          fields[name] = JSON.parse(text);
        } catch {
          bad(name, `expected JSON, got "${text.slice(0, 40)}"`);
        }
        break;
      }
      default:
        fields[name] = text;
    }
  }
  return { fields, problems };
}
