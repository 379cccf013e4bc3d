import { describe, expect, it } from 'vitest';
import { parsePack, type PackInput } from '../../domain/index.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import { EvaluationError } from '../types.ts';
import { checkPack, lintPack } from './lintPack.ts';
import { codes, mini, nodeIn } from '../../testing/lintFixtures.ts';
import csrcText from '../../../rule-packs/cn-csrc-2017/pack.json?raw';
import bankText from '../../../rule-packs/cn-bank-wealth/pack.json?raw';
import mifidText from '../../../rule-packs/eu-mifid2/pack.json?raw';

const bands = (p: PackInput) =>
  nodeIn(p, 'classify').config.bands as { level: string; min: number; max: number }[];

describe('lintPack on sound packs', () => {
  it.each([
    ['cn-csrc-2017', csrcText],
    ['cn-bank-wealth', bankText],
    ['eu-mifid2', mifidText],
  ])('starter pack %s has no lint errors', (_id, text) => {
    const parsed = parsePack(text);
    if (!parsed.ok) throw new Error('starter pack must parse');
    const errors = lintPack(parsed.pack).filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.path} ${p.message.en}`)).toEqual([]);
  });

  it('finds nothing in the mini pack', () => {
    expect(lintPack(mini())).toEqual([]);
  });
});

describe('classify bands', () => {
  it('knows whole-number scores leave no gap between 10 and 11', () => {
    expect(codes(mini())).toEqual([]);
  });

  it('reports the 10-11 gap once a fractional point makes fractional scores possible', () => {
    const pack = mini((p) => {
      const q1 = p.questionnaires[0]?.sections[0]?.questions[0] as {
        options: { points: number }[];
      };
      (q1.options[1] as { points: number }).points = 10.5;
    });
    expect(codes(pack)).toEqual([
      'error lint.band.gap $.graph.nodes[2].config.bands[1].min',
      'error lint.band.gap $.graph.nodes[2].config.bands[2].min',
    ]);
    // The engine agrees: 10.5 is in no band.
    const run = () =>
      evaluate(compilePack(pack), {
        facts: { age: 40 },
        answers: { Q1: 'B', Q2: ['A'] },
        evaluationDate: '2026-06-01',
      });
    expect(run).toThrow(expect.objectContaining({ code: 'classify.noBand' }) as EvaluationError);
  });

  it('reports a gap a reachable score falls in, as the engine fails on it', () => {
    const pack = mini((p) => {
      (bands(p)[1] as { min: number }).min = 16;
    });
    const found = lintPack(pack);
    expect(found).toMatchObject([
      {
        code: 'lint.band.gap',
        severity: 'error',
        nodeId: 'classify',
        path: '$.graph.nodes[2].config.bands[1].min',
      },
    ]);
    expect(found[0]?.message.en).toContain('C1 (up to 10) and C2 (from 16)');
    expect(found[0]?.message['zh-CN']).toContain('空档');
    expect(() =>
      evaluate(compilePack(pack), {
        facts: { age: 40 },
        answers: { Q1: 'B', Q2: ['B'] },
        evaluationDate: '2026-06-01',
      }),
    ).toThrow(expect.objectContaining({ code: 'classify.noBand' }) as EvaluationError);
  });

  it('reports scores above the top band and below the lowest', () => {
    const pack = mini((p) => {
      (bands(p)[0] as { min: number }).min = 1;
      (bands(p)[2] as { max: number }).max = 25;
    });
    expect(codes(pack)).toEqual([
      'error lint.band.gapBelow $.graph.nodes[2].config.bands[0].min',
      'error lint.band.gapAbove $.graph.nodes[2].config.bands[2].max',
    ]);
  });

  it('tells an overlap from a band that can never be hit', () => {
    const overlap = mini((p) => {
      (bands(p)[1] as { min: number }).min = 8;
    });
    expect(codes(overlap)).toEqual([
      'warning lint.band.overlap $.graph.nodes[2].config.bands[1].min',
    ]);
    const dead = mini((p) => {
      bands(p).splice(1, 0, { level: 'C2', min: 3, max: 8 });
    });
    expect(codes(dead)).toContain('error lint.band.unreachable $.graph.nodes[2].config.bands[1]');
  });

  it('warns of a band beyond the possible scores, and of levels out of order', () => {
    const pack = mini((p) => {
      bands(p).push({ level: 'C3', min: 40, max: 50 });
      const [c1, c2] = bands(p);
      if (c1 && c2) [c1.level, c2.level] = ['C2', 'C1'];
    });
    expect(codes(pack)).toEqual([
      'warning lint.band.outOfRange $.graph.nodes[2].config.bands[3]',
      'warning lint.band.order $.graph.nodes[2].config.bands[1].level',
    ]);
  });

  it('gives way to lint in checkPack, which does not repeat validation band warnings', () => {
    const pack = mini((p) => {
      (bands(p)[1] as { min: number }).min = 16;
    });
    const all = checkPack(pack).map((p) => p.code);
    expect(all).toContain('lint.band.gap');
    expect(all).not.toContain('band.gap');
  });
});
