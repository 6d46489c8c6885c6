// Writes schema/export-records.schema.json from the zod schemas (`node scripts/export-schema.ts`).
// test/core/import/export-schema.test.ts fails when the committed file is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportRecordJsonSchema } from '../src/core/import/export-schema.ts';

const file = fileURLToPath(new URL('../schema/export-records.schema.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../schema/', import.meta.url)), { recursive: true });
writeFileSync(file, `${JSON.stringify(exportRecordJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);
