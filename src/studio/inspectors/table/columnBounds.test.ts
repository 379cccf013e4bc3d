import { describe, expect, it } from 'vitest';
import { PackSchema } from '../../../domain/index.ts';
import miniPack from '../../../domain/fixtures/miniPack.json' with { type: 'json' };
import { refBounds } from './columnBounds.ts';

const pack = PackSchema.parse(miniPack);

describe('refBounds', () => {
  it('takes a number fact bounds and a questionnaire score range', () => {
    expect(refBounds(pack, 'age')).toEqual({ min: 0, max: 130 });
    // Q1 0-20 (a knock-out may zero it), Q2 0-10.
    expect(refBounds(pack, 'score.total')).toEqual({ min: 0, max: 30 });
    expect(refBounds(pack, 'score.byQuestion.Q1')).toBeUndefined();
    expect(refBounds(pack, 'professional')).toBeUndefined();
  });
});
