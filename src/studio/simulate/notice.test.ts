import { describe, expect, it } from 'vitest';
import { compilePack, evaluate } from '../../engine/index.ts';
import { baseClient, buildPack } from '../../testing/fixtures.ts';
import { buildNotice, DRAFT_WATERMARK, formatDate } from './notice.ts';

const pack = buildPack();
const compiled = compilePack(pack);

describe('the client suitability notice', () => {
  it('is dated with the evaluation date, in the notice language', () => {
    expect(formatDate('2026-06-01', 'zh-CN')).toBe('2026年6月1日');
    expect(formatDate('2026-12-31', 'en')).toBe('31 December 2026');
    const input = baseClient();
    const zh = buildNotice(pack, input, evaluate(compiled, input), 'zh-CN');
    expect(zh.title).toBe('投资者适当性匹配意见告知书');
    expect(zh.date).toBe('2026年6月1日');
    expect(zh.facts).toContainEqual(['风险承受能力等级', '级别C3']);
    expect(zh.facts).toContainEqual(['风险测评日期', '2026年1月10日']);
  });

  it('lists matched and mismatched products with their reasons, and the warnings they need', () => {
    const input = baseClient();
    const notice = buildNotice(pack, input, evaluate(compiled, input), 'en');
    expect(notice.matched.map((p) => p.id)).toEqual(['P1', 'P2']);
    expect(notice.warned.map((p) => p.id)).toEqual(['P3', 'P4']);
    expect(notice.warned[0]?.reasons).toContain('reason riskMismatch');
    expect(notice.warned[0]?.flags).toEqual(['enhancedProcedure']);
    expect(notice.warnings.some((w) => w.includes('written risk warning'))).toBe(true);
    // The enhanced-procedure policy's own reason, once although two products raise it.
    expect(notice.warnings.filter((w) => w === 'reason enhanced')).toHaveLength(1);
    // A client buying a mismatched product confirms doing so knowingly.
    expect(notice.confirmations).toHaveLength(3);
    expect(notice.signatures[0]).toMatch(/^Investor/);
    // Product lines of the rationale are left to the product lists.
    expect(notice.rationale.some((l) => l.includes('Leveraged fund'))).toBe(false);
    expect(notice.rationale.length).toBeGreaterThan(0);
  });

  it('the lowest category is told it may not buy above its level', () => {
    const input = baseClient({ answers: { ...baseClient().answers, Q4: 'yes' } });
    const notice = buildNotice(pack, input, evaluate(compiled, input), 'zh-CN');
    expect(notice.flags).toEqual(['lowestCategory']);
    expect(notice.prohibited.map((p) => p.id)).toEqual(['P2', 'P3', 'P4']);
    expect(notice.warnings[0]).toContain('最低类别');
    expect(notice.confirmations).toHaveLength(2);
  });

  it('names the investor and the firm; a draft carries the watermark and no version', () => {
    const input = baseClient();
    const result = evaluate(compiled, input);
    const draft = buildNotice({ ...pack, status: 'draft' }, input, result, 'zh-CN', '王芳');
    expect(draft.facts[0]).toEqual(['投资者', '王芳']);
    expect(draft.watermark).toBe(DRAFT_WATERMARK);
    expect(draft.release).toBeUndefined();
    expect(draft.pack).not.toContain(pack.version);
    expect(draft.firm).toBeUndefined();
    // No name given: a line for the investor to write on.
    expect(buildNotice(pack, input, result, 'en').facts[0]).toEqual([
      'Investor',
      '________________',
    ]);
  });

  it('claims the version and content hash of a published pack only', () => {
    const input = baseClient();
    const result = evaluate(compiled, input);
    const hash = `sha256:${'a'.repeat(64)}`;
    const published = {
      ...pack,
      status: 'published' as const,
      version: '2.1.0',
      firm: { name: { 'zh-CN': '某某证券股份有限公司', en: 'Example Securities Co., Ltd.' } },
      integrity: { hash, approvals: [] },
    };
    const notice = buildNotice(published, input, result, 'zh-CN');
    expect(notice.release).toEqual({ version: '2.1.0', hash });
    expect(notice.watermark).toBeUndefined();
    expect(notice.firm).toBe('某某证券股份有限公司');
    expect(notice.pack).toContain('2.1.0');
    const inReview = buildNotice({ ...published, status: 'in-review' }, input, result, 'en');
    expect(inReview.release).toBeUndefined();
    expect(inReview.watermark).toBe(DRAFT_WATERMARK);
  });
});
