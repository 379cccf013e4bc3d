import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import miniPack from './fixtures/miniPack.json' with { type: 'json' };
import { packJsonSchema, packJsonSchemaText } from './jsonSchema.ts';
import { PACK_SCHEMA_FILE } from '../../scripts/writeJsonSchema.ts';
import { PackSchema } from './pack.ts';

type Schema = Record<string, unknown>;

/**
 * A small JSON Schema checker for the keywords zod emits, enough to show that the published schema
 * accepts real packs and rejects broken ones. Returns the JSON paths that fail.
 */
function check(root: Schema, schema: Schema, value: unknown, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    const target = (root.$defs as Record<string, Schema>)[name];
    if (!target) return [`${path}: unknown $ref ${schema.$ref}`];
    return check(root, target, value, path);
  }
  const fail = (why: string) => [`${path}: ${why}`];
  if ('const' in schema && value !== schema.const)
    return fail(`not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return fail('not in enum');
  if (Array.isArray(schema.anyOf)) {
    const ok = (schema.anyOf as Schema[]).some((s) => check(root, s, value, path).length === 0);
    if (!ok) return fail('no anyOf branch matches');
  }
  if (Array.isArray(schema.oneOf)) {
    const n = (schema.oneOf as Schema[]).filter(
      (s) => check(root, s, value, path).length === 0,
    ).length;
    if (n !== 1) return fail(`${n} oneOf branches match`);
  }
  // zod writes a union of primitives as a list of types.
  const types = schema.type === undefined ? [] : ([] as unknown[]).concat(schema.type);
  const actual =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : typeof value === 'number' && Number.isInteger(value)
          ? 'integer'
          : typeof value;
  const typeOk = types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
  if (types.length > 0 && !typeOk) return fail(`not ${types.join(',')}`);
  const errors: string[] = [];
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value))
      errors.push(`${path}: pattern`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      errors.push(`${path}: minLength`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      errors.push(`${path}: minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      errors.push(`${path}: maximum`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      errors.push(`${path}: exclusiveMinimum`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errors.push(`${path}: minItems`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      errors.push(`${path}: maxItems`);
    if (schema.items)
      value.forEach((v, i) =>
        errors.push(...check(root, schema.items as Schema, v, `${path}[${i}]`)),
      );
  }
  if (actual === 'object') {
    const record = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[])
      if (!(key in record)) errors.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(record)) {
      const names = schema.propertyNames as Schema | undefined;
      if (names) errors.push(...check(root, names, key, `${path}[key ${key}]`));
      if (props[key]) errors.push(...check(root, props[key], v, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...check(root, schema.additionalProperties as Schema, v, `${path}.${key}`));
    }
  }
  return errors;
}

/** Every pack file under rule-packs/ (the starter packs), wherever they sit. */
function starterPacks(): string[] {
  const root = join(import.meta.dirname, '../../rule-packs');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'schema') walk(full);
      } else if (name.endsWith('.json')) found.push(full);
    }
  };
  walk(root);
  return found.filter(
    (f) =>
      (JSON.parse(readFileSync(f, 'utf8')) as { format?: unknown }).format === 'suitability-pack',
  );
}

describe('the published JSON Schema', () => {
  it('is up to date with the zod schemas (run `npm run schema` when this fails)', () => {
    expect(readFileSync(PACK_SCHEMA_FILE, 'utf8')).toBe(packJsonSchemaText());
  });

  it('names the main parts and makes defaulted fields optional', () => {
    const schema = packJsonSchema();
    expect(Object.keys(schema.$defs as object)).toEqual(
      expect.arrayContaining(['Node', 'Question', 'LocalizedText']),
    );
    expect(schema.required).not.toContain('status');
    expect(schema.required).toContain('graph');
  });

  const packs: [string, unknown][] = [
    ['fixtures/miniPack.json', miniPack],
    ...starterPacks().map((f): [string, unknown] => [
      relative(join(import.meta.dirname, '../..'), f),
      JSON.parse(readFileSync(f, 'utf8')),
    ]),
  ];
  it.each(packs)('accepts %s, as zod does', (_name, pack) => {
    expect(PackSchema.safeParse(pack).success).toBe(true);
    expect(check(packJsonSchema(), packJsonSchema(), pack)).toEqual([]);
  });

  it('rejects what zod rejects: a bad node kind, a missing field, a wrong type', () => {
    const schema = packJsonSchema();
    const bad = structuredClone(miniPack) as unknown as {
      graph: { nodes: { kind: string }[] };
      title?: unknown;
      version: unknown;
    };
    (bad.graph.nodes[1] as { kind: string }).kind = 'scorer';
    delete bad.title;
    bad.version = 2;
    const errors = check(schema, schema, bad);
    expect(errors).toEqual(
      expect.arrayContaining([
        '$.title: required',
        '$.version: not string',
        '$.graph.nodes[1]: 0 oneOf branches match',
      ]),
    );
  });
});
