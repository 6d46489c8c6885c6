import { dirname, resolve } from 'node:path';
import { parseJsonl } from '../../adapters/datasets/read-rows.ts';
import { readInputText } from '../../adapters/files/input-text.ts';
import { metricByName } from '../../core/metrics/metric-by-name.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { ChatMessage } from '../../core/schema/index.ts';
import type { Item, Scorer, Task } from '../../core/task/task.ts';
import { parseYamlFile } from './parse-yaml-file.ts';
import { YamlTaskFile } from './yaml-task-file.ts';

/** Reads and validates a task file; every problem names the file, line and field. */
export function parseYamlTask(file: string, text?: string): YamlTaskFile {
  return parseYamlFile(file, YamlTaskFile, text);
}

/** Fills {{field}} placeholders; an unknown field is left as written, or emptied when `blank` is set. */
function fill(template: string, fields: Record<string, unknown>, blank = false): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (all, key: string) =>
    key in fields ? String(fields[key]) : blank ? '' : all,
  );
}

/** Reads the task's JSONL dataset; a bad line names the file and line. */
export function readYamlDataset(spec: YamlTaskFile['dataset'], file: string): Item[] {
  const items: Item[] = [];
  const text = readInputText(file, { noun: 'dataset file' });
  for (const { line, value } of parseJsonl(file, text)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new UserError(`${file}:${line}: not a JSON object`, EXIT.invalidInput);
    const row = value as Record<string, unknown>;
    for (const field of [spec.input, spec.target]) {
      if (row[field] === undefined || row[field] === null) {
        throw new UserError(`${file}:${line}: field "${field}" is missing`, EXIT.invalidInput);
      }
    }
    const id = spec.id ? String(row[spec.id]) : String(items.length);
    items.push({ id, input: String(row[spec.input]), target: String(row[spec.target]), metadata: row });
  }
  return items;
}

/**
 * Builds a Task from a YAML file. `scorer` resolves the scorer name (from the registry), so user
 * tasks score the same way as built-in ones.
 */
export async function loadYamlTask(path: string, scorer: (name: string) => Promise<Scorer>): Promise<Task> {
  const file = resolve(path);
  const spec = parseYamlTask(file);
  const score = await scorer(spec.scorer);
  const p = spec.prompt;
  const shots: ChatMessage[] = p.fewshot.flatMap((ex) => [
    { role: 'user' as const, content: fill(p.messages.at(-1)!.content, { input: ex.input }, true) },
    { role: 'assistant' as const, content: fill(p.fewshotAnswer, { target: ex.target }) },
  ]);
  return {
    name: spec.name,
    benchmark: spec.benchmark,
    version: spec.version,
    promptId: p.id,
    dataset: async () => readYamlDataset(spec.dataset, resolve(dirname(file), spec.dataset.path)),
    prompt: (item) => {
      const fields = { ...item.metadata, input: item.input, target: item.target };
      const messages = p.messages.map((m) => ({ role: m.role, content: fill(m.content, fields) }));
      return [...(p.system ? [{ role: 'system' as const, content: p.system }] : []), ...shots, ...messages];
    },
    scorer: score,
    scorerVersion: `${spec.scorer}-1`,
    metrics: spec.metrics.map(metricByName),
  };
}
