import { describe, expect, it } from 'vitest';
import { compilePack, evaluate } from '../../engine/index.ts';
import { baseClient, buildPack } from '../../testing/fixtures.ts';
import { buildNotice, formatDate } from './notice.ts';

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
});
