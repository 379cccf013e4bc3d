import { describe, expect, it } from 'vitest';
import miniPack from '../domain/fixtures/miniPack.json' with { type: 'json' };
import { PackSchema, type Pack, type PackInput } from '../domain/index.ts';
import { diffPacks } from './diff.ts';

const base = (): PackInput => structuredClone(miniPack) as unknown as PackInput;
const parse = (p: PackInput): Pack => PackSchema.parse(p);

/** Diffs the fixture against an edited copy and returns the English sentences. */
function diffAfter(edit: (p: PackInput) => void, lang: 'en' | 'zh-CN' = 'en'): string[] {
  const b = base();
  edit(b);
  return diffPacks(parse(base()), parse(b)).map((e) => e.text[lang]);
}

const nodeOf = <T>(p: PackInput, id: string) => p.graph.nodes.find((n) => n.id === id) as T;

describe('diffPacks', () => {
  it('says a status in words, not its code', () => {
    const from = base();
    from.status = 'published';
    const to = base();
    to.status = 'in-review';
    const entries = diffPacks(parse(from), parse(to));
    expect(entries.map((e) => e.text.en)).toEqual(['status: published -> in review']);
    expect(entries.map((e) => e.text['zh-CN'])).toEqual(['状态：已发布 -> 审核中']);
  });

  it('finds nothing between a pack and itself, or a reordered copy', () => {
    expect(diffPacks(parse(base()), parse(base()))).toEqual([]);
    const reordered = base();
    reordered.products.items.reverse();
    reordered.graph.edges.reverse();
    expect(diffPacks(parse(base()), parse(reordered))).toEqual([]);
  });

  it('says how option points, bands, matrix cells and product risk moved', () => {
    const sentences = diffAfter((p) => {
      const q1 = p.questionnaires[0]?.sections[0]?.questions[0] as {
        options: { points: number }[];
      };
      (q1.options[1] as { points: number }).points = 12;
      const classify = nodeOf<{ config: { bands: { level: string; min: number; max: number }[] } }>(
        p,
        'classify',
      );
      classify.config.bands[1] = { level: 'C2', min: 11, max: 22 };
      classify.config.bands[2] = { level: 'C3', min: 23, max: 30 };
      const match = nodeOf<{
        config: { dimensions: { cells: Record<string, Record<string, string>> }[] };
      }>(p, 'match');
      (match.config.dimensions[0]?.cells.C2 as Record<string, string>).R3 = 'prohibited';
      (p.products.items[2] as { risk: string }).risk = 'R2';
    });
    expect(sentences).toEqual([
      'question Q1 option B: 10 -> 12 points',
      'product P3 risk: R3 -> R2',
      'band C2: 11-20 -> 11-22',
      'band C3: 21-30 -> 23-30',
      'matrix C2 x R3: allowed with warning -> prohibited',
    ]);
  });

  it('writes the same changes in Chinese', () => {
    const sentences = diffAfter((p) => {
      const match = nodeOf<{
        config: { dimensions: { cells: Record<string, Record<string, string>> }[] };
      }>(p, 'match');
      (match.config.dimensions[0]?.cells.C1 as Record<string, string>).R3 = 'warn';
      p.version = '1.1.0';
    }, 'zh-CN');
    expect(sentences).toEqual(['版本：1.0.0 -> 1.1.0', '矩阵 C1 x R3：禁止 -> 警示并确认后允许']);
  });

  it('reports additions and removals by area, in area order', () => {
    const b = base();
    b.graph.nodes.push({ id: 'extra', kind: 'score', config: { terms: [{ ref: 'score.total' }] } });
    b.graph.edges.push({ id: 'e8', source: 'score', target: 'extra' });
    b.products.items.push({ id: 'P4', name: { 'zh-CN': '期货', en: 'Futures' }, risk: 'R3' });
    b.tests = (b.tests ?? []).filter((t) => t.id !== 't-expired');
    b.vocabulary.facts.pop();
    const entries = diffPacks(parse(base()), parse(b));
    expect(entries.map((e) => [e.area, e.change, e.subject])).toEqual([
      ['vocabulary', 'removed', 'professional'],
      ['products', 'added', 'P4'],
      ['nodes', 'added', 'extra'],
      ['edges', 'added', 'score -> extra'],
      ['tests', 'removed', 't-expired'],
    ]);
    expect(entries.find((e) => e.subject === 'extra')?.text).toEqual({
      'zh-CN': '新增节点 extra',
      en: 'node extra added',
    });
  });

  it('notices a renamed level and a catalogue scale', () => {
    const sentences = diffAfter((p) => {
      const levels = p.vocabulary.scales[0]?.levels[1] as {
        label: { 'zh-CN': string; en: string };
      };
      levels.label = { 'zh-CN': '平衡型', en: 'Balanced+' };
      p.products.horizonScale = 'levels';
    });
    expect(sentences).toEqual([
      'level C2 label: "Balanced" -> "Balanced+"',
      'catalogue horizon scale: - -> levels',
    ]);
  });

  it('covers knock-outs, question settings, rules and table rows', () => {
    const sentences = diffAfter((p) => {
      const q1 = p.questionnaires[0]?.sections[0]?.questions[0] as {
        options: { knockout?: unknown }[];
        weight?: number;
      };
      delete (q1.options[0] as { knockout?: unknown }).knockout;
      q1.weight = 2;
      p.graph.nodes.push({
        id: 'rules',
        kind: 'rules',
        config: {
          rules: [
            {
              name: 'old',
              conditions: { all: [] },
              event: { type: 'flag', params: { name: 'x' } },
            },
          ],
        },
      });
    });
    expect(sentences).toEqual([
      'question Q1 weight: 1 -> 2',
      'question Q1 option A: no longer a knock-out',
      'node rules added',
    ]);
  });

  it('says when a match dimension now applies', () => {
    const match = (p: PackInput) =>
      p.graph.nodes.find((n) => n.kind === 'match') as { config: { dimensions: object[] } };
    const sentences = diffAfter((p) => {
      Object.assign(match(p).config.dimensions[0] as object, { appliesWhen: 'flags.firm' });
    });
    expect(sentences).toEqual([
      expect.stringMatching(/^dimension \S+ applies when: always -> flags\.firm$/),
    ]);
  });

  it('explains a rule edit and a table row edit', () => {
    const withRules = (p: PackInput, value: number, cell: string) => {
      p.graph.nodes.push(
        {
          id: 'r',
          kind: 'rules',
          config: {
            rules: [
              {
                name: 'elderly',
                conditions: { all: [{ fact: 'age', operator: 'greaterThan', value }] },
                event: { type: 'flag', params: { name: 'elderly' } },
              },
            ],
          },
        },
        {
          id: 't',
          kind: 'table',
          config: {
            hitPolicy: 'first',
            inputs: [
              { id: 'age', label: { 'zh-CN': '年龄', en: 'Age' }, type: 'number', ref: 'age' },
            ],
            outputs: [{ id: 'band', label: { 'zh-CN': '段', en: 'Band' }, type: 'string' }],
            rows: [{ id: 'r1', inputs: [cell], outputs: ['young'] }],
          },
        },
      );
    };
    const a = base();
    withRules(a, 65, '< 30');
    const b = base();
    withRules(b, 70, '< 35');
    expect(diffPacks(parse(a), parse(b)).map((e) => e.text.en)).toEqual([
      'rule elderly: conditions changed',
      'table t row r1: < 30 => young -> < 35 => young',
    ]);
  });
});
