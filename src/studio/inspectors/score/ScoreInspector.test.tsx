import { expect, it } from 'vitest';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { renderInspector } from '../../../testing/renderInspector.tsx';
import { ScoreInspector } from './index.ts';

it('offers only upstream numbers for the terms and shows the weight sum', () => {
  const pack = loadStarterPack('cn-csrc-2017');
  const { html } = renderInspector(ScoreInspector, pack, 'effectiveScore');
  expect(html).toContain('data-sum="2"');
  expect(html).toContain('value="risk.total"');
  expect(html).toContain('value="policy.scoreCeiling"');
  // classify and match are downstream of the score: never offered.
  expect(html).not.toContain('value="classify.score"');
  expect(html).not.toContain('value="risk.complete"');
});
