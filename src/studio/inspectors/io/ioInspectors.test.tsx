import { expect, it } from 'vitest';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { renderInspector } from '../../../testing/renderInspector.tsx';
import { InputInspector, OutputInspector } from './index.ts';

const csrc = loadStarterPack('cn-csrc-2017');

it('lists every client fact of the pack on the input node', () => {
  const { html } = renderInspector(InputInspector, csrc, 'input');
  for (const fact of csrc.vocabulary.facts) expect(html).toContain(`data-fact="${fact.id}"`);
  expect(html).toContain('context.evaluationDate');
});

it('shows each named output with its reference and the verdict source', () => {
  const output = csrc.graph.nodes.find((n) => n.kind === 'output');
  if (output?.kind !== 'output') throw new Error('the CSRC pack has an output node');
  const { html } = renderInspector(OutputInspector, csrc, output.id, 'en');
  for (const o of output.config.outputs) expect(html).toContain(`data-output="${o.name}"`);
  expect(html).toContain('Product verdicts from');
  expect(html).not.toContain('not available here');
});
