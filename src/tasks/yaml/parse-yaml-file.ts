import { type Document, isNode, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { readInputText } from '../../adapters/files/input-text.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { lineAt, MAX_JSON_DEPTH } from '../../core/import/check-json-text.ts';
import { yamlTooDeep } from './yaml-nesting.ts';

/** Aliases a file may expand: more is a resource-exhaustion attack (an alias bomb), not a config. */
const MAX_ALIASES = 100;

/** The document as data; an alias bomb is refused at its first alias. */
function toData(doc: Document, at: (offset: number | undefined) => string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    let first: number | undefined;
    visit(doc, {
      Alias(_, node) {
        first = node.range?.[0];
        return visit.BREAK;
      },
    });
    const why = /alias count/i.test(err.message)
      ? `its aliases expand beyond ${MAX_ALIASES} nodes (an alias bomb?)`
      : err.message.split('\n')[0];
    throw new UserError(`${at(first)}: invalid YAML: ${why}`, EXIT.invalidInput);
  }
}

/** Reads a YAML file and validates it with `schema`; a problem names the file, line and field. */
export function parseYamlFile<T extends z.ZodType>(file: string, schema: T, text?: string): z.infer<T> {
  const source = text ?? readInputText(file);
  const lines = new LineCounter();
  const at = (offset: number | undefined) =>
    `${file}:${offset === undefined ? 1 : lines.linePos(offset).line}`;
  // Composing a document recurses once per level: deeper than any config needs is refused first.
  const deep = yamlTooDeep(source, MAX_JSON_DEPTH);
  if (deep !== null)
    throw new UserError(
      `${file}:${lineAt(source, deep)}: invalid YAML: nested deeper than ${MAX_JSON_DEPTH} levels`,
      EXIT.invalidInput,
    );
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new UserError(`${at(e.pos[0])}: invalid YAML: ${e.message.split('\n')[0]}`, EXIT.invalidInput);
  }
  const parsed = schema.safeParse(toData(doc, at));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  // Point at the deepest node that exists: the field itself, or the object it is missing from.
  let offset: number | undefined;
  for (let n = path.length; n >= 0 && offset === undefined; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node)) offset = node.range?.[0];
  }
  const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  throw new UserError(
    `${at(offset)}: ${path.join('.') || '(file)'}: ${issue.message}${keys}`,
    EXIT.invalidInput,
  );
}
