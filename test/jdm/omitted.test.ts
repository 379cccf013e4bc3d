import { ZenEngine } from '@gorules/zen-engine';
import { describe, expect, it } from 'vitest';
import { compilePack, evaluate, exportJdm, validatePack } from '../../src/engine/index.ts';
import { addNode, baseClient, buildPack, nodeOf } from '../../src/testing/fixtures.ts';

/**
 * A rules node that reads the knock-out list and an output of the winning cap reason: the two
 * reads the export reports as errors. zen-engine shows why they are errors, not notes.
 */
const pack = buildPack((p) => {
  addNode(
    p,
    {
      id: 'ko',
      kind: 'rules',
      config: {
        rules: [
          {
            name: 'noKnockout',
            conditions: {
              all: [{ fact: 'q', path: '$.knockouts', operator: 'doesNotContain', value: 'x' }],
            },
            event: { type: 'flag', params: { name: 'clean' } },
          },
        ],
      },
    },
    ['q'],
  );
  const outputs = nodeOf(p, 'out').config['outputs'] as unknown[];
  outputs.push({ name: 'clean', ref: 'ko.clean' }, { name: 'capCode', ref: 'r.capReason.code' });
  p.graph.edges.push({ id: 'r-out', source: 'r', target: 'out' });
});

describe('a decision that reads what the JDM export leaves out', () => {
  it('is reported at each read, and zen-engine indeed computes something else there', async () => {
    expect(validatePack(pack).filter((p) => p.severity === 'error')).toEqual([]);
    const { jdm, unsupported } = exportJdm(pack);
    expect(unsupported.filter((p) => p.severity === 'error').map((p) => p.nodeId)).toEqual([
      'ko',
      'out',
    ]);
    // A senior client: the engine caps at C3 with a reason; the knock-out list is empty.
    const input = baseClient({ facts: { age: 75, professional: false } });
    const ours = evaluate(compilePack(pack), input, { rationale: false });
    const theirs = await new ZenEngine().createDecision(jdm).evaluate(input);
    const outputs = (theirs.result as { outputs: Record<string, unknown> }).outputs;
    expect(ours.outputs).toMatchObject({ clean: true, capCode: 'senior' });
    expect(outputs).toMatchObject({ clean: false, capCode: null });
    // What is not read still agrees.
    expect(outputs['level']).toBe(ours.outputs['level']);
  });
});
