import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../domain/index.ts';
import { checkPack, lintPack } from './lintPack.ts';
import { codes, mini, nodeIn } from '../../testing/lintFixtures.ts';

const label = { 'zh-CN': '标签', en: 'label' };

/** Adds a node fed by the questionnaire node. */
function addNode(p: PackInput, node: Record<string, unknown>) {
  (p.graph.nodes as unknown[]).push(node);
  (p.graph.edges as unknown[]).push({
    id: `e-${String(node.id)}`,
    source: 'score',
    target: node.id,
  });
}

describe('decision tables', () => {
  const tablePack = (rows: string[][], extra: Record<string, unknown> = {}) =>
    mini((p) =>
      addNode(p, {
        id: 'grid',
        kind: 'table',
        config: {
          hitPolicy: 'unique',
          inputs: [{ id: 's', label, type: 'number', ref: 'score.total' }],
          outputs: [{ id: 'o', label, type: 'string' }],
          rows: rows.map((inputs, i) => ({ id: `row${i}`, inputs, outputs: [`v${i}`] })),
          ...extra,
        },
      }),
    );

  it('sees no gap between whole-number ranges and no gap outside the score range', () => {
    expect(codes(tablePack([['< 10'], ['[10..20]'], ['[21..30]']]))).toEqual([]);
  });

  it('reports an uncovered range unless there is a default output', () => {
    const rows = [['[0..10]'], ['[13..30]']];
    const found = lintPack(tablePack(rows));
    expect(found).toMatchObject([
      {
        code: 'lint.table.gap',
        severity: 'error',
        nodeId: 'grid',
        path: '$.graph.nodes[5].config.rows',
      },
    ]);
    expect(found[0]?.message.en).toContain('(10..13)');
    expect(codes(tablePack(rows, { defaultOutput: ['none'] }))).toEqual([]);
  });

  it('reports overlapping rows under unique and conflicting ones under any', () => {
    const rows = [['[0..15]'], ['[10..30]']];
    expect(codes(tablePack(rows))).toEqual([
      'error lint.table.overlap $.graph.nodes[5].config.rows[1]',
    ]);
    expect(codes(tablePack(rows, { hitPolicy: 'any' }))).toEqual([
      'error lint.table.conflict $.graph.nodes[5].config.rows[1]',
    ]);
    expect(codes(tablePack(rows, { hitPolicy: 'first' }))).toEqual([]);
  });
});

describe('matching matrix', () => {
  it('requires a higher level to be allowed at least what a lower one is', () => {
    const pack = mini((p) => {
      const cells = (
        nodeIn(p, 'match').config.dimensions as { cells: Record<string, Record<string, string>> }[]
      )[0]?.cells as Record<string, Record<string, string>>;
      (cells.C2 as Record<string, string>).R2 = 'prohibited';
    });
    expect(codes(pack)).toEqual([
      'error lint.matrix.notMonotone $.graph.nodes[3].config.dimensions[0].cells.C2.R2',
      'warning lint.matrix.riskierLooser $.graph.nodes[3].config.dimensions[0].cells.C2.R3',
    ]);
  });
});

describe('content', () => {
  it('warns of a questionnaire no node scores and a question that scores nothing', () => {
    const pack = mini((p) => {
      const q = structuredClone(p.questionnaires[0]) as (typeof p.questionnaires)[number];
      q.id = 'spare';
      for (const s of q.sections)
        for (const question of s.questions) question.id = `${question.id}x`;
      p.questionnaires.push(q);
      (p.questionnaires[0]?.sections[0]?.questions as unknown[]).push({
        id: 'Q3',
        type: 'single',
        text: label,
        options: [
          { id: 'A', label, points: 0 },
          { id: 'B', label, points: 0 },
        ],
      });
    });
    expect(codes(pack)).toEqual([
      'warning lint.questionnaire.unused $.questionnaires[1]',
      'warning lint.question.noPoints $.questionnaires[0].sections[0].questions[2]',
    ]);
  });

  it('refuses a product horizon the catalogue has no scale for', () => {
    const pack = mini((p) => {
      (p.products.items[0] as { horizon?: string }).horizon = 'long';
    });
    expect(codes(pack)).toEqual(['error lint.product.undefinedScale $.products.items[0].horizon']);
  });

  it('names every localized text with an empty zh-CN or en', () => {
    const pack = mini((p) => {
      const q1 = p.questionnaires[0]?.sections[0]?.questions[0] as { text: Record<string, string> };
      q1.text.en = ' ';
      (p.vocabulary.scales[0]?.levels[1] as { label: Record<string, string> }).label['zh-CN'] = '';
    });
    const found = lintPack(pack);
    expect(found.map((p) => `${p.code} ${p.path}`)).toEqual([
      'lint.translation.missing $.vocabulary.scales[0].levels[1].label',
      'lint.translation.missing $.questionnaires[0].sections[0].questions[0].text',
    ]);
    expect(found[0]?.message.en).toBe('missing zh-CN text (en: "Balanced")');
  });
});

describe('lint on a pack that does not validate', () => {
  it('adds what it can in checkPack and never throws', () => {
    const pack = mini((p) => {
      nodeIn(p, 'classify').config.scale = 'nope';
      (p.products as { riskScale: string }).riskScale = 'gone';
    });
    expect(() => checkPack(pack)).not.toThrow();
    expect(checkPack(pack).some((p) => p.severity === 'error')).toBe(true);
  });
});
