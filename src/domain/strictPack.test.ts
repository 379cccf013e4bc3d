import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import miniPack from './fixtures/miniPack.json' with { type: 'json' };
import { parsePack } from './parsePack.ts';
import { PackSchema } from './pack.ts';
import { EvaluationInputSchema } from './evaluationInput.ts';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Paths (in schema terms) of every object in `schema` that lets an unknown key through. */
function looseObjects(root: z.ZodType): string[] {
  const loose: string[] = [];
  const seen = new Set<unknown>();
  const visit = (schema: unknown, at: string) => {
    if (seen.has(schema)) return;
    seen.add(schema);
    const def = defOf(schema);
    const next = (child: unknown, step: string) => visit(child, `${at}${step}`);
    switch (def.type) {
      case 'object':
        // A catch-all (localized text's extra locales) says what other keys may be: not loose.
        if (def.catchall === undefined) loose.push(at);
        for (const [key, child] of Object.entries(def.shape as object)) next(child, `.${key}`);
        if (def.catchall !== undefined) next(def.catchall, '.*');
        break;
      case 'array':
        next(def.element, '[]');
        break;
      case 'record':
        next(def.valueType, '.*');
        break;
      case 'union':
        (def.options as unknown[]).forEach((option, i) => next(option, `|${i}`));
        break;
      case 'lazy':
        next((def.getter as () => unknown)(), '');
        break;
      case 'pipe':
        next(def.in, '');
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
        next(def.innerType, '');
        break;
    }
  };
  visit(root, '$');
  return loose;
}

describe('strict documents', () => {
  it('lets no unknown key through anywhere in a pack or an evaluation input', () => {
    expect(looseObjects(PackSchema)).toEqual([]);
    expect(looseObjects(EvaluationInputSchema)).toEqual([]);
  });

  it('refuses a misspelled key with its path, line and the name it probably meant', () => {
    const text = JSON.stringify(miniPack, null, 2).replace('"onFail"', '"onfail"');
    const result = parsePack(text, 'pack.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [error] = result.errors;
    expect(error).toMatchObject({ code: 'unknownKey', expected: '"onFail"', source: 'pack.json' });
    expect(error?.path).toMatch(/^\$\.graph\.nodes\[\d+\]\.config\.dimensions\[\d+\]\.onfail$/);
    expect(error?.line).toBe(text.split('\n').findIndex((l) => l.includes('"onfail"')) + 1);
    expect(error?.message.en).toBe('unknown field "onfail"; did you mean "onFail"?');
  });

  it('refuses a stray key at the top and deep inside', () => {
    const pack = structuredClone(miniPack) as Record<string, unknown>;
    pack.comment = 'x';
    (pack.vocabulary as { facts: Record<string, unknown>[] }).facts[0]!.note = 'y';
    const result = parsePack(pack);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      '$.vocabulary.facts[0].note',
      '$.comment',
    ]);
  });
});
