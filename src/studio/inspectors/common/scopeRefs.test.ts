import { describe, expect, it } from 'vitest';
import { T } from '../../../engine/index.ts';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { scopeRefs, upstreamOf } from './scopeRefs.ts';

const csrc = loadStarterPack('cn-csrc-2017');

describe('scopeRefs', () => {
  it('offers facts, answers, context and the upstream nodes only', () => {
    const refs = scopeRefs(csrc, 'classify').map((o) => o.ref);
    const fact = csrc.vocabulary.facts[0]?.id as string;
    expect(refs).toContain(fact);
    expect(refs).toContain('context.evaluationDate');
    expect(refs.some((r) => r.startsWith('answers.'))).toBe(true);
    expect(refs).toContain('effectiveScore.value');
    expect(refs).toContain('risk.total');
    expect(refs.some((r) => r.startsWith('match.') || r.startsWith('output.'))).toBe(false);
    expect(refs.some((r) => r.startsWith('input.'))).toBe(false);
  });

  it('opens records a few keys deep, e.g. the flags a questionnaire raises', () => {
    const refs = scopeRefs(csrc, 'classify').map((o) => o.ref);
    expect(refs.some((r) => /^risk\.flags\.\w+/.test(r))).toBe(true);
  });

  it('keeps only references of a fitting type', () => {
    const numbers = scopeRefs(csrc, 'classify', T.number);
    expect(numbers.length).toBeGreaterThan(0);
    for (const o of numbers) expect(['number', 'any']).toContain(o.type.type);
    expect(numbers.map((o) => o.ref)).toContain('risk.total');
    expect(numbers.map((o) => o.ref)).not.toContain('risk.complete');
  });
});

it('finds everything upstream through chains of edges', () => {
  const up = upstreamOf(csrc, 'output');
  expect(up.has('input')).toBe(true);
  expect(up.has('match')).toBe(true);
  expect(up.has('output')).toBe(false);
  expect(upstreamOf(csrc, 'input').size).toBe(0);
});
