/** Writes rule-packs/schema/pack.schema.json from the zod schemas (`npm run schema`). */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packJsonSchemaText } from '../src/domain/jsonSchema.ts';

export const PACK_SCHEMA_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../rule-packs/schema/pack.schema.json',
);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(PACK_SCHEMA_FILE), { recursive: true });
  writeFileSync(PACK_SCHEMA_FILE, packJsonSchemaText());
  console.log(`wrote ${PACK_SCHEMA_FILE}`);
}
