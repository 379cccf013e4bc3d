import { describe, expect, it } from 'vitest';
import {
  blankPack,
  lt,
  packFromTemplate,
  parsePack,
  slugify,
  type TemplateParts,
} from '../domain/index.ts';
import { loadStarterPack } from '../testing/starterPackFiles.ts';
import { checkPublishable, compilePack, evaluate, lintPack } from './index.ts';

const info = { id: 'my-firm', title: lt('我的规则包', 'My pack'), jurisdiction: 'CN' };
const ALL: TemplateParts = { questions: true, products: true, tests: true, personas: true };

describe('blankPack', () => {
  const pack = blankPack(info);

  it('parses as a pack file would', () => {
    const parsed = parsePack(JSON.parse(JSON.stringify(pack)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pack).toEqual(pack);
  });

  it('has no lint errors and can be published', () => {
    expect(lintPack(pack).filter((p) => p.severity === 'error')).toEqual([]);
    expect(checkPublishable(pack)).toEqual({ lintErrors: 0, testsFailed: 0, testsTotal: 0 });
  });

  it('evaluates: an experienced client is C2 and may buy the one R1 product', () => {
    const result = evaluate(compilePack(pack), {
      answers: { Q1: 'C' },
      evaluationDate: '2026-06-01',
    });
    expect(result.outputs['level']).toBe('C2');
    expect(result.products['product-1']?.verdict).toBe('allowed');
  });
});

describe('packFromTemplate', () => {
  const csrc = loadStarterPack('cn-csrc-2017');

  it('keeps everything asked for under the new id, as a fresh draft', () => {
    const pack = packFromTemplate(csrc, info, ALL);
    expect(pack.id).toBe('my-firm');
    expect(pack.version).toBe('0.1.0');
    expect(pack.status).toBe('draft');
    expect(pack.changelog).toEqual([]);
    expect(pack.integrity).toBeUndefined();
    expect(pack.tests).toEqual(csrc.tests);
    expect(parsePack(JSON.parse(JSON.stringify(pack))).ok).toBe(true);
  });

  it('drops tests and personas', () => {
    const pack = packFromTemplate(csrc, info, { ...ALL, tests: false, personas: false });
    expect(pack.tests).toEqual([]);
    expect(pack.sampleClients).toEqual([]);
    expect(pack.products).toEqual(csrc.products);
  });

  it('drops products and what kept tests expect of them', () => {
    const pack = packFromTemplate(csrc, info, { ...ALL, products: false });
    expect(pack.products.items).toEqual([]);
    expect(pack.products.riskScale).toBe(csrc.products.riskScale);
    for (const t of pack.tests) {
      expect(t.expect.products).toBeUndefined();
      expect(t.expect.reasons).toBeUndefined();
    }
  });

  it('drops questions and the answers of kept tests and personas', () => {
    const pack = packFromTemplate(csrc, info, { ...ALL, questions: false });
    expect(pack.questionnaires.flatMap((q) => q.sections.flatMap((s) => s.questions))).toEqual([]);
    expect(pack.tests.every((t) => Object.keys(t.input.answers).length === 0)).toBe(true);
    expect(pack.sampleClients.every((c) => Object.keys(c.input.answers).length === 0)).toBe(true);
    expect(parsePack(JSON.parse(JSON.stringify(pack))).ok).toBe(true);
  });

  it('never changes the template', () => {
    const before = JSON.stringify(csrc);
    packFromTemplate(csrc, info, {
      questions: false,
      products: false,
      tests: false,
      personas: false,
    });
    expect(JSON.stringify(csrc)).toBe(before);
  });
});

describe('slugify', () => {
  it('makes a pack id of free text', () => {
    expect(slugify('My Firm 2026!')).toBe('my-firm-2026');
    expect(slugify('规则包')).toBe('');
  });
});
