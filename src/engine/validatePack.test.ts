import { describe, expect, it } from 'vitest';
import type { PackInput } from '../domain/index.ts';
import { addNode, buildPack, nodeOf } from '../testing/fixtures.ts';
import { compilePack } from './compilePack.ts';
import { PackInvalidError } from './types.ts';
import { validatePack } from './validatePack.ts';

const problemsOf = (change: (p: PackInput) => void) => validatePack(buildPack(change));
const codes = (change: (p: PackInput) => void) => problemsOf(change).map((p) => p.code);

describe('validatePack: graph structure', () => {
  it('accepts the base pack without problems', () => {
    expect(validatePack(buildPack())).toEqual([]);
  });

  it('requires exactly one input node and at least one output node', () => {
    expect(codes((p) => p.graph.nodes.push({ id: 'in2', kind: 'input' }))).toContain(
      'graph.inputCount',
    );
    const noOutput = problemsOf((p) => {
      p.graph.nodes = p.graph.nodes.filter((n) => n.kind !== 'output');
      p.graph.edges = p.graph.edges.filter((e) => e.target !== 'out');
    });
    expect(noOutput.map((x) => x.code)).toContain('graph.noOutput');
  });

  it('reports duplicate node ids with the path of the second', () => {
    const problems = problemsOf((p) => p.graph.nodes.splice(2, 0, { id: 'q', kind: 'input' }));
    const dup = problems.find((x) => x.code === 'node.duplicateId');
    expect(dup?.path).toBe('$.graph.nodes[2].id');
    expect(dup?.message['zh-CN']).toContain('重复');
  });

  it('reports dangling edges at their end', () => {
    const problems = problemsOf((p) =>
      p.graph.edges.push({ id: 'bad', source: 'q', target: 'nowhere' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'edge.dangling', path: '$.graph.edges[10].target' }),
    );
  });

  it('names the cycle', () => {
    const problems = problemsOf((p) =>
      p.graph.edges.push({ id: 'back', source: 'm', target: 'q' }),
    );
    const cycle = problems.find((x) => x.code === 'graph.cycle');
    expect(cycle?.message.en).toMatch(/q -> cls -> m -> q|q -> m -> q/);
    expect(cycle?.message['zh-CN']).toContain('→');
  });

  it('rejects node ids that clash with facts or reserved roots', () => {
    expect(codes((p) => (nodeOf(p, 'r')['id'] = 'age'))).toContain('name.clash');
    expect(codes((p) => (nodeOf(p, 'r')['id'] = 'answers'))).toContain('name.clash');
  });
});

describe('validatePack: references and types', () => {
  it('reports an unknown root, an unknown key and a node that is not upstream', () => {
    const unknownRoot = problemsOf((p) => (nodeOf(p, 'cls').config['input'] = 'nope.total'));
    expect(unknownRoot[0]).toMatchObject({
      code: 'ref.unknown',
      path: '$.graph.nodes[3].config.input',
      nodeId: 'cls',
    });
    expect(codes((p) => (nodeOf(p, 'cls').config['input'] = 'q.totl'))).toEqual(['ref.unknownKey']);
    expect(codes((p) => (nodeOf(p, 'cls').config['input'] = 'm.counts.allowed'))).toEqual([
      'ref.notUpstream',
    ]);
  });

  it('checks types: classify input is a number, caps are booleans, matrix clients are levels', () => {
    expect(codes((p) => (nodeOf(p, 'cls').config['input'] = 'q.complete'))).toEqual(['ref.type']);
    const caps = problemsOf((p) => {
      const cls = nodeOf(p, 'cls').config as { caps: { when: string }[] };
      (caps0(cls.caps).when as string) = 'q.total';
    });
    expect(caps.map((x) => x.path)).toEqual(['$.graph.nodes[3].config.caps[0].when']);
    const matrix = problemsOf((p) => {
      const dims = nodeOf(p, 'm').config['dimensions'] as Record<string, unknown>[];
      (dims[0] as Record<string, unknown>)['client'] = 'q.facts.horizonFact';
    });
    expect(matrix[0]?.message.en).toContain('level of H');
  });

  it('checks levels: bands, caps, matrix cells, products and rules caps', () => {
    const bad = problemsOf((p) => {
      const bands = nodeOf(p, 'cls').config['bands'] as { level: string }[];
      (bands[1] as { level: string }).level = 'C9';
      const cells = (
        nodeOf(p, 'm').config['dimensions'] as { cells: Record<string, unknown> }[]
      )[0];
      if (cells) cells.cells['C7'] = { R1: 'allowed' };
      (p.products.items[0] as { risk: string }).risk = 'R8';
    });
    expect(bad.filter((x) => x.severity === 'error').map((x) => x.path)).toEqual([
      '$.products.items[0].risk',
      '$.graph.nodes[3].config.bands[1].level',
      '$.graph.nodes[4].config.dimensions[0].cells.C7',
    ]);
  });

  it('checks rules nodes: conditions name known facts, cap levels are on the scale', () => {
    const problems = problemsOf((p) => {
      const rules = nodeOf(p, 'r').config['rules'] as Record<string, unknown>[];
      rules.push({
        name: 'x',
        conditions: { any: [{ fact: 'income', operator: 'equal', value: 1 }] },
        event: { type: 'cap', params: { level: 'C9' } },
      });
      rules.push({
        name: 'y',
        conditions: { all: [{ fact: 'q', path: '$.total', operator: 'equal', value: 1 }] },
        event: { type: 'set', params: { name: 'undeclared', value: 1 } },
      });
    });
    expect(problems.map((x) => [x.code, x.path])).toEqual([
      ['ref.unknown', '$.graph.nodes[2].config.rules[2].conditions.any[0]'],
      ['level.unknown', '$.graph.nodes[2].config.rules[2].event.params.level'],
      ['ref.notUpstream', '$.graph.nodes[2].config.rules[3].conditions.all[0]'],
      ['rules.undeclaredOutput', '$.graph.nodes[2].config.rules[3].event.params.name'],
    ]);
  });

  it('reports what conditionProblems finds, located, with the types of the facts', () => {
    const problems = problemsOf((p) => {
      const rules = nodeOf(p, 'r').config['rules'] as Record<string, unknown>[];
      rules.push({
        name: 'dated',
        conditions: {
          all: [
            {
              fact: 'birthday',
              operator: 'lessThan',
              value: { fact: 'context', path: '$.evaluationDate' },
            },
            { fact: 'nickname', operator: 'in', value: 'abc' },
            { fact: 'birthday', operator: 'dateBefore', value: { fact: 'age' } },
          ],
        },
        event: { type: 'flag', params: { name: 'dated' } },
      });
    });
    const at = '$.graph.nodes[2].config.rules[2].conditions';
    expect(problems.map((x) => [x.severity, x.code, x.path, x.nodeId])).toEqual([
      ['error', 'condition.numericOnDate', `${at}.all[0].operator`, 'r'],
      ['warning', 'condition.notAList', `${at}.all[1].value`, 'r'],
      ['error', 'condition.notADate', `${at}.all[2].value`, 'r'],
    ]);
    expect(problems[0]?.message.en).toContain('use dateBefore');
  });

  it('checks conditions of match dimensions too, with the product as a fact', () => {
    const problems = problemsOf((p) => {
      const dims = nodeOf(p, 'm').config['dimensions'] as Record<string, unknown>[];
      dims.push({
        id: 'launch',
        kind: 'condition',
        label: { 'zh-CN': '发行', en: 'Launch' },
        reason: { code: 'launch', text: { 'zh-CN': '发行', en: 'launch' } },
        when: {
          all: [{ fact: 'product', path: '$.risk', operator: 'greaterThan', value: '2026-01-01' }],
        },
      });
    });
    expect(problems.map((x) => [x.code, x.path])).toEqual([
      ['condition.numericOnDate', '$.graph.nodes[4].config.dimensions[2].when.all[0].operator'],
    ]);
  });

  it('a band gap is no validation problem: the pack lint reports it', () => {
    const gap = (p: PackInput) =>
      ((nodeOf(p, 'cls').config['bands'] as { min: number }[])[1]!.min = 8);
    expect(problemsOf(gap)).toEqual([]);
    expect(() => compilePack(buildPack(gap))).not.toThrow();
  });

  it('locates table cells that do not parse', () => {
    const problems = problemsOf((p) =>
      addNode(p, {
        id: 't',
        kind: 'table',
        config: {
          hitPolicy: 'first',
          inputs: [
            { id: 'age', label: { 'zh-CN': '年龄', en: 'Age' }, type: 'number', ref: 'age' },
          ],
          outputs: [{ id: 'o', label: { 'zh-CN': 'o', en: 'o' }, type: 'string' }],
          rows: [
            { id: 'r1', inputs: ['[1..'], outputs: ['a'] },
            { id: 'r2', inputs: ['-'], outputs: [3] },
          ],
        },
      }),
    );
    expect(problems.map((x) => [x.code, x.path])).toEqual([
      ['table.cell', '$.graph.nodes[5].config.rows[0].inputs[0]'],
      ['table.outputType', '$.graph.nodes[5].config.rows[1].outputs[0]'],
    ]);
  });

  it('checks questionnaires: show-if on earlier questions, bound facts, yes/no options', () => {
    const problems = problemsOf((p) => {
      const qs = p.questionnaires[0]!.sections[0]!.questions as Record<string, unknown>[];
      qs[0]!['showIf'] = { op: 'answered', question: 'Q6' };
      qs[5]!['bindFact'] = { fact: 'ghost' };
    });
    expect(problems.map((x) => [x.code, x.path])).toEqual([
      ['showIf.unknownQuestion', '$.questionnaires[0].sections[0].questions[0].showIf.question'],
      ['fact.unknown', '$.questionnaires[0].sections[0].questions[5].bindFact.fact'],
      // The horizon check read the fact the question no longer binds.
      ['ref.unknownKey', '$.graph.nodes[4].config.dimensions[1].client'],
    ]);
  });

  it('checks test cases name real products, outputs and flags', () => {
    const problems = problemsOf((p) => {
      p.tests = [
        {
          id: 't1',
          name: { 'zh-CN': 't', en: 't' },
          input: { evaluationDate: '2026-01-01' },
          expect: { products: { P99: 'allowed' }, outputs: { levl: 'C1' }, flags: { score: true } },
        },
      ];
    });
    expect(problems.map((x) => x.code)).toEqual([
      'test.unknownProduct',
      'test.unknownOutput',
      'test.unknownFlag',
    ]);
    expect(problems.every((x) => x.severity === 'warning')).toBe(true);
    expect(problems[0]?.path).toBe('$.tests[0].expect.products.P99');
  });

  it('compilePack throws a PackInvalidError carrying the problems', () => {
    const pack = buildPack((p) => (nodeOf(p, 'cls').config['scale'] = 'Z'));
    try {
      compilePack(pack);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PackInvalidError);
      expect((e as PackInvalidError).problems.some((x) => x.code === 'scale.unknown')).toBe(true);
    }
  });
});

function caps0<T>(list: T[]): T {
  const [first] = list;
  if (!first) throw new Error('no cap');
  return first;
}

describe('validatePack: test and sample inputs', () => {
  it('checks test inputs against the vocabulary unless the case expects an error', () => {
    const problems = problemsOf((p) => {
      const input = { evaluationDate: '2026-01-01', answers: { Q1: 'Z' } };
      p.tests = [
        { id: 'bad', name: { 'zh-CN': 't', en: 't' }, input, expect: {} },
        {
          id: 'meant',
          name: { 'zh-CN': 't', en: 't' },
          input,
          expect: { error: 'input.unknownOption' },
        },
      ];
      p.sampleClients = [
        {
          id: 'ann',
          name: { 'zh-CN': '安', en: 'Ann' },
          input: { evaluationDate: '2026-01-01', facts: { age: 300 } },
        },
      ];
    });
    expect(problems.map((x) => [x.code, x.path])).toEqual([
      ['test.input', '$.sampleClients[0].input.facts.age'],
      ['test.input', '$.tests[0].input.answers.Q1'],
    ]);
    expect(problems[1]?.message['zh-CN']).toContain('测试“bad”的输入有误');
    expect(problems.every((x) => x.severity === 'warning')).toBe(true);
  });
});

describe('validatePack: show-if', () => {
  it('checks selected options exist and compare tests read numeric questions', () => {
    const problems = problemsOf((p) => {
      const qs = p.questionnaires[0]!.sections[0]!.questions as Record<string, unknown>[];
      qs[4]!['showIf'] = {
        op: 'any',
        conditions: [
          { op: 'selected', question: 'Q1', options: ['C', 'X'] },
          { op: 'compare', question: 'Q2', operator: 'gt', value: 1 },
          { op: 'compare', question: 'Q3', operator: 'gt', value: 1 },
        ],
      };
    });
    expect(problems.map((x) => [x.code, x.path])).toEqual([
      [
        'showIf.unknownOption',
        '$.questionnaires[0].sections[0].questions[4].showIf.conditions[0].options[1]',
      ],
      ['showIf.notNumeric', '$.questionnaires[0].sections[0].questions[4].showIf.conditions[1]'],
    ]);
  });
});

describe('validatePack: unused nodes', () => {
  it('warns of a node no output depends on', () => {
    const problems = problemsOf((p) => {
      p.graph.nodes.splice(1, 0, {
        id: 'orphan',
        kind: 'score',
        config: { terms: [{ ref: 'age' }] },
      });
      p.graph.edges.push({ id: 'in-orphan', source: 'in', target: 'orphan' });
    });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'node.unused',
        severity: 'warning',
        path: '$.graph.nodes[1]',
        nodeId: 'orphan',
      }),
    ]);
  });
});
