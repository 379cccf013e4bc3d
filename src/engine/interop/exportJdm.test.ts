import { describe, expect, it } from 'vitest';
import { lt } from '../../domain/index.ts';
import { addNode, buildPack, nodeOf, reason } from '../../testing/fixtures.ts';
import { exportJdm } from './exportJdm.ts';
import { access, condition } from './jdmExpr.ts';

const env = { isDate: (fact: string) => fact === 'birthday' || fact === 'context' };

describe('exportJdm', () => {
  it('builds one chain from the input node to the output node, every node wired once', () => {
    const { jdm, unsupported } = exportJdm(buildPack());
    expect(unsupported.filter((p) => p.severity === 'error')).toEqual([]);
    const types = jdm.nodes.map((n) => n.type);
    expect(types[0]).toBe('inputNode');
    expect(types.at(-1)).toBe('outputNode');
    expect(types).toContain('decisionTableNode');
    expect(jdm.edges).toHaveLength(jdm.nodes.length - 1);
    jdm.edges.forEach((e, i) => {
      expect(e.sourceId).toBe(jdm.nodes[i]?.id);
      expect(e.targetId).toBe(jdm.nodes[i + 1]?.id);
    });
    expect(new Set(jdm.nodes.map((n) => n.id)).size).toBe(jdm.nodes.length);
  });

  it('writes score bands as a first-hit decision table of DMN ranges', () => {
    const { jdm } = exportJdm(buildPack());
    const bands = jdm.nodes.find((n) => n.id === '_cls-bands');
    expect(bands?.content['hitPolicy']).toBe('first');
    const rules = bands?.content['rules'] as Record<string, string>[];
    expect(rules[0]).toMatchObject({ score: expect.stringMatching(/^\[\d+\.\.\d+\]$/) });
  });

  it('exports a decision table node as a JDM decision table and the expression after it', () => {
    const pack = buildPack((p) =>
      addNode(p, {
        id: 'tbl',
        kind: 'table',
        config: {
          hitPolicy: 'first',
          inputs: [{ id: 'a', label: lt('年龄', 'Age'), type: 'number', ref: 'age' }],
          outputs: [{ id: 'o', label: lt('输出', 'Out'), type: 'string' }],
          rows: [{ id: 'r1', inputs: ['-'], outputs: ['x'] }],
        },
      }),
    );
    const { jdm, unsupported } = exportJdm(pack);
    expect(unsupported.filter((p) => p.nodeId === 'tbl')).toEqual([]);
    const ids = jdm.nodes.map((n) => n.id);
    expect(ids.indexOf('tbl')).toBe(ids.indexOf('_tbl-rows') + 1);
    expect(jdm.nodes.find((n) => n.id === '_tbl-rows')?.type).toBe('decisionTableNode');
  });

  it('reports a rule condition JDM cannot express, located at the condition', () => {
    const pack = buildPack((p) => {
      const rules = nodeOf(p, 'r').config['rules'] as unknown[];
      rules.push({
        name: 'nick',
        conditions: { all: [{ fact: 'nickname', operator: 'greaterThan', value: 'm' }] },
        event: { type: 'reason', params: reason('nick') },
      });
    });
    const errors = exportJdm(pack).unsupported.filter((p) => p.severity === 'error');
    expect(errors.map((e) => e.path)).toEqual([
      expect.stringMatching(/\.config\.rules\[\d+\]\.conditions$/),
    ]);
  });
});

describe('conditions as ZEN expressions', () => {
  const t = (c: Parameters<typeof condition>[0]) => condition(c, env);

  it('guards numeric operators so that a missing fact fails as in json-rules-engine', () => {
    expect(t({ all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 65 }] })).toEqual({
      expr: '((type(age) == "number" ? age >= 65 : false))',
    });
  });

  it('compares dates as dates, and quotes keys that are not identifiers', () => {
    const c = t({
      not: {
        fact: 'birthday',
        operator: 'lessThanInclusive',
        value: { fact: 'context', path: '$.evaluationDate' },
      },
    });
    expect('expr' in c && c.expr).toContain('date(birthday) <= date(context.evaluationDate)');
    expect(t({ any: [{ fact: 'answers', path: '$.Q-1', operator: 'equal', value: 'A' }] })).toEqual(
      {
        expr: '((answers["Q-1"] == "A"))',
      },
    );
  });

  it('quotes path keys ZEN would not read as members', () => {
    expect(access(['a', 'true', 'x-y', 'in'])).toBe('a["true"]["x-y"].in');
    expect(access(['not', 'b'])).toBe('$root["not"].b');
  });

  it('keeps json-rules-engine quirks: any of nothing is true', () => {
    expect(t({ any: [] })).toEqual({ expr: 'true' });
  });

  it('folds the product being matched into literals', () => {
    const c = condition(
      { all: [{ fact: 'product', path: '$.attributes.pro', operator: 'notEqual', value: true }] },
      { ...env, product: { attributes: { pro: true } } },
    );
    expect(c).toEqual({ expr: '((true != true))' });
  });

  it('says why it cannot export in against a fact or numbers against text', () => {
    expect(
      t({ all: [{ fact: 'age', operator: 'in', value: { fact: 'answers' } }] }),
    ).toHaveProperty('unsupported');
    expect(t({ all: [{ fact: 'nickname', operator: 'lessThan', value: 'x' }] })).toHaveProperty(
      'unsupported',
    );
  });
});
