import { PriceTable } from '../../core/engine/cost.ts';

/** The price table of a YAML or JSON file (see core/engine/cost.ts), or null when no file is given. */
export async function loadPriceTable(path: string | undefined): Promise<PriceTable | null> {
  if (!path) return null;
  const { parseYamlFile } = await import('../../tasks/yaml/parse-yaml-file.ts');
  return parseYamlFile(path, PriceTable);
}
