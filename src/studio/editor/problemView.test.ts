import { describe, expect, it } from 'vitest';
import { applyChange, lt, type Pack } from '../../domain/index.ts';
import { lintPack, type Problem } from '../../engine/index.ts';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';
import { describeWhere, fixFor, groupProblems, parsePath } from './problemView.ts';

const csrc = loadStarterPack('cn-csrc-2017');
const kindName = (kind: string) => `<${kind}>`;
const CLASSIFY = csrc.graph.nodes.findIndex((n) => n.kind === 'classify');

/** The starter pack with C3 starting at 40 instead of 37: a gap of 37..39. */
function withGap(): Pack {
  return applyChange(csrc, {
    type: 'set',
    path: ['graph', 'nodes', CLASSIFY, 'config', 'bands', 2, 'min'],
    value: 40,
  });
}

describe('problem view', () => {
  it('parses JSON paths', () => {
    expect(parsePath('$.graph.nodes[5].config.bands[2].min')).toEqual([
      'graph',
      'nodes',
      5,
      'config',
      'bands',
      2,
      'min',
    ]);
    expect(parsePath('$.products.items[0]["odd key"]')).toEqual([
      'products',
      'items',
      0,
      'odd key',
    ]);
  });

  it('says where in words, by name where the element has one', () => {
    const at = `$.graph.nodes[${CLASSIFY}].config.bands[2].min`;
    expect(describeWhere(csrc, at, 'zh-CN')).toBe('分段“C3” · 下限');
    expect(describeWhere(csrc, at, 'en')).toBe('band "C3" · lower bound');
    expect(describeWhere(csrc, '$.products.items[0].risk', 'en')).toBe(
      'product "3-year book-entry treas…" · risk level',
    );
    expect(describeWhere(csrc, '$.questionnaires[0].sections[0].questions[99]', 'zh-CN')).toMatch(
      /^问卷“.+” · 部分“.+” · 第 100 个问题$/,
    );
  });

  it('groups by node title, errors first, with labels instead of codes', () => {
    const pack = withGap();
    const problems = lintPack(pack);
    const groups = groupProblems(pack, problems, 'zh-CN', kindName);
    const classify = groups.find((g) => g.nodeId === 'classify');
    expect(classify?.title).toBe('投资者分类 C1-C5');
    expect(classify?.errors).toBe(1);
    const gap = classify?.problems.find((p) => p.code === 'lint.band.gap');
    expect(gap?.text).toContain('C2 谨慎型');
    expect(gap?.text).not.toContain('$.graph');
    expect(gap?.where).toBe('分段“C3” · 下限');
  });

  it('closes a band gap with a named change', () => {
    const pack = withGap();
    const gap = lintPack(pack).find((p) => p.code === 'lint.band.gap') as Problem;
    const fix = fixFor(pack, gap);
    expect(fix?.label.en).toBe('Start C3 at 37');
    expect(fix?.change).toMatchObject({ type: 'batch', label: 'close band gap' });
    const fixed = applyChange(pack, fix!.change);
    expect(lintPack(fixed).filter((p) => p.code === 'lint.band.gap')).toEqual([]);
  });

  it('puts problems outside the graph under their part of the pack', () => {
    const p: Problem = {
      code: 'x',
      severity: 'warning',
      path: '$.products.items[0].risk',
      message: lt('有问题 R3', 'wrong R3'),
    };
    const [group] = groupProblems(csrc, [p], 'en', kindName);
    expect(group?.title).toBe('Product catalogue');
    expect(group?.problems[0]?.text).toBe('wrong R3 Medium');
  });
});
