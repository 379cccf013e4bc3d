import { describe, expect, it } from 'vitest';
import { lt, type PackInput } from '../domain/index.ts';
import { baseClient, buildPack, nodeOf, reason } from '../testing/fixtures.ts';
import { compilePack } from './compilePack.ts';
import { evaluate } from './evaluate.ts';
import { evaluateReference } from './interop/reference.ts';
import { EvaluationError } from './types.ts';

/** `in` a fact that is missing fails in json-rules-engine, so evaluation must say where. */
const failing = { fact: 'age', operator: 'in', value: { fact: 'nickname' } } as const;

function errorOf(run: () => unknown): EvaluationError {
  try {
    run();
  } catch (e) {
    if (e instanceof EvaluationError) return e;
    throw e;
  }
  throw new Error('no evaluation error');
}

describe('condition errors name their place in the pack', () => {
  it('in a rules node: the rule and the condition inside it', async () => {
    const pack = buildPack((p: PackInput) => {
      const rules = nodeOf(p, 'r').config['rules'] as Record<string, unknown>[];
      rules.push({
        name: 'broken',
        conditions: { all: [{ fact: 'age', operator: 'equal', value: 1 }, failing] },
        event: { type: 'flag', params: { name: 'broken' } },
      });
    });
    const compiled = compilePack(pack);
    const err = errorOf(() => evaluate(compiled, baseClient()));
    expect(err.code).toBe('condition.notAList');
    expect(err.path).toBe('$.graph.nodes[2].config.rules[2].conditions.all[1]');
    expect(err.localized.en).toContain(err.path);
    // The reference mode fails too, at the rules node.
    await expect(evaluateReference(compiled, baseClient())).rejects.toMatchObject({
      path: '$.graph.nodes[2]',
    });
  });

  it('in a condition dimension: the dimension, then the condition inside its when', () => {
    const pack = buildPack((p: PackInput) => {
      const dims = nodeOf(p, 'm').config['dimensions'] as Record<string, unknown>[];
      dims.push({
        id: 'broken',
        kind: 'condition',
        label: lt('坏', 'Broken'),
        reason: reason('broken'),
        when: {
          any: [{ fact: 'product', path: '$.id', operator: 'equal', value: 'none' }, failing],
        },
      });
    });
    const err = errorOf(() => evaluate(compilePack(pack), baseClient()));
    expect(err.code).toBe('condition.notAList');
    expect(err.path).toBe('$.graph.nodes[4].config.dimensions[2].when.any[1]');
  });
});
