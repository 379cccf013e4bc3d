import { describe, expect, it } from 'vitest';
import { lt } from '../../domain/index.ts';
import { addNode, buildPack, nodeOf, reason } from '../../testing/fixtures.ts';
import { validatePack } from '../validatePack.ts';
import { exportJdm } from './exportJdm.ts';

const problemsOf = (pack: ReturnType<typeof buildPack>) => {
  const { unsupported } = exportJdm(pack);
  return {
    errors: unsupported.filter((p) => p.severity === 'error'),
    infos: unsupported.filter((p) => p.severity === 'info'),
  };
};

/** A rules node after the match node, whose rules read `conditions` (any output of upstream). */
function readingRules(conditions: unknown[]) {
  return buildPack((p) =>
    addNode(
      p,
      {
        id: 'after',
        kind: 'rules',
        config: {
          rules: conditions.map((c, i) => ({
            name: `read${i}`,
            conditions: { all: [c] },
            event: { type: 'flag', params: { name: `hit${i}` } },
          })),
        },
      },
      ['q', 'r', 'cls', 'm'],
    ),
  );
}

describe('keys the JDM export leaves out', () => {
  it('are info only while no node reads them', () => {
    const { errors, infos } = problemsOf(buildPack());
    expect(errors).toEqual([]);
    // The questionnaire, the classify node and the match node each say what is not exported.
    expect(infos.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        '$.graph.nodes[1].config',
        '$.graph.nodes[3].config',
        '$.graph.nodes[4].config',
      ]),
    );
  });

  it('are an error at each reading condition, its value side included', () => {
    const pack = readingRules([
      { fact: 'q', path: '$.knockouts[0].flag', operator: 'equal', value: 'noLoss' },
      { fact: 'r', path: '$.reasons', operator: 'doesNotContain', value: 'senior' },
      { fact: 'age', operator: 'equal', value: { fact: 'r', path: '$.floorReason' } },
      { fact: 'cls', path: '$.reasons', operator: 'contains', value: 'knockout' },
      { fact: 'm', path: '$.products.P3.reasons', operator: 'contains', value: 'firm' },
    ]);
    // The pack itself is valid: only the export cannot compute what it reads.
    expect(validatePack(pack).filter((p) => p.severity === 'error')).toEqual([]);
    const { errors, infos } = problemsOf(pack);
    const at = '$.graph.nodes[5].config.rules';
    expect(errors.map((e) => [e.path, e.nodeId])).toEqual([
      [`${at}[0].conditions.all[0]`, 'after'],
      [`${at}[1].conditions.all[0]`, 'after'],
      [`${at}[2].conditions.all[0].value`, 'after'],
      [`${at}[3].conditions.all[0]`, 'after'],
      [`${at}[4].conditions.all[0]`, 'after'],
    ]);
    expect(errors[0]?.message.en).toContain('"q$.knockouts[0].flag"');
    expect(errors[0]?.message.en).toContain('knockouts of node "q"');
    expect(errors[4]?.message.en).toContain('products.reasons of node "m"');
    expect(errors[4]?.message['zh-CN']).toContain('节点“m”');
    // The notes at the nodes that leave the keys out stay.
    expect(infos.some((p) => p.path === '$.graph.nodes[1].config')).toBe(true);
  });

  it('are an error at a reference: an output of the winning cap reason', () => {
    const pack = buildPack((p) => {
      const outputs = nodeOf(p, 'out').config['outputs'] as unknown[];
      outputs.push({ name: 'why', ref: 'r.capReason' });
      p.graph.edges.push({ id: 'r-out', source: 'r', target: 'out' });
    });
    expect(problemsOf(pack).errors).toEqual([
      expect.objectContaining({
        path: '$.graph.nodes[5].config.outputs[4].ref',
        nodeId: 'out',
        severity: 'error',
      }),
    ]);
  });

  it('are an error in a match condition dimension, once however many products', () => {
    const pack = buildPack((p) => {
      const dims = nodeOf(p, 'm').config['dimensions'] as unknown[];
      dims.push({
        id: 'knock',
        kind: 'condition',
        label: lt('淘汰', 'Knock-out'),
        when: { all: [{ fact: 'q', path: '$.knockouts', operator: 'contains', value: 'x' }] },
        reason: reason('knock'),
      });
    });
    expect(problemsOf(pack).errors.map((e) => e.path)).toEqual([
      '$.graph.nodes[4].config.dimensions[2].when.all[0]',
    ]);
  });

  it('leave the keys next to them alone', () => {
    const pack = readingRules([
      { fact: 'q', path: '$.knockedOut', operator: 'equal', value: true },
      { fact: 'r', path: '$.fired', operator: 'contains', value: 'senior' },
      { fact: 'r', path: '$.cap', operator: 'equal', value: 'C3' },
      { fact: 'm', path: '$.products.P3.verdict', operator: 'equal', value: 'warn' },
      { fact: 'cls', path: '$.flags.lowestCategory', operator: 'equal', value: true },
    ]);
    expect(problemsOf(pack).errors).toEqual([]);
  });
});
