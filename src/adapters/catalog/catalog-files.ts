import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The published-results catalog shipped in the project: shared cards, then one file per figure. */
export const CATALOG_DIR = fileURLToPath(new URL('../../../catalog/', import.meta.url));

export interface CatalogEntry {
  name: string;
  title: string;
  file: string;
}

/** Files every entry depends on, in load order. */
export function catalogBaseFiles(dir: string = CATALOG_DIR): string[] {
  return ['benchmarks.jsonl', 'models.jsonl'].map((f) => join(dir, f));
}

/** The catalog's entries: figures/<name>.jsonl, titled by their figure record. */
export function catalogEntries(dir: string = CATALOG_DIR): CatalogEntry[] {
  const figures = join(dir, 'figures');
  if (!existsSync(figures)) return [];
  return readdirSync(figures)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => {
      const file = join(figures, f);
      const figure = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { kind?: string; title?: string })
        .find((r) => r.kind === 'figure');
      return { name: f.replace(/\.jsonl$/, ''), title: figure?.title ?? '', file };
    });
}
