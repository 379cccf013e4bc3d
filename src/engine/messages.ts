import type { LocalizedText } from '../domain/index.ts';

/**
 * The rationale's sentences: plain language a client could be shown, one function per sentence,
 * every locale side by side so that a missing translation shows here and nowhere else.
 */
type L = LocalizedText;
const zh = (t: L) => t['zh-CN'];
const en = (t: L) => t.en;

export const rationaleMessages = {
  score: (questionnaire: L, total: number, max: number): L => ({
    'zh-CN': `您在“${zh(questionnaire)}”中的得分为 ${total} 分（满分 ${max} 分）。`,
    en: `Your score in "${en(questionnaire)}" is ${total} out of ${max}.`,
  }),
  knockout: (reason: L): L => ({
    'zh-CN': `评分按 0 分处理：${zh(reason)}。`,
    en: `The score counts as 0: ${en(reason)}.`,
  }),
  knockoutFlagOnly: (reason: L): L => ({
    'zh-CN': `注意：${zh(reason)}。`,
    en: `Note: ${en(reason)}.`,
  }),
  incomplete: (missing: string[]): L => ({
    'zh-CN': `问卷尚未答完：还有 ${missing.length} 道必答题未作答（${missing.join('、')}）。`,
    en: `The questionnaire is incomplete: ${missing.length} required question(s) unanswered (${missing.join(', ')}).`,
  }),
  expired: (expiresOn: string): L => ({
    'zh-CN': `您的风险测评已于 ${expiresOn} 过期，购买前需要重新测评。`,
    en: `Your risk assessment expired on ${expiresOn}; you need to be reassessed before buying.`,
  }),
  validUntil: (expiresOn: string): L => ({
    'zh-CN': `本次测评有效期至 ${expiresOn}。`,
    en: `This assessment is valid until ${expiresOn}.`,
  }),
  /** A classification that no limit moved: its label, the level and, for points, the score. */
  classified: (node: L, level: L, score?: number): L => ({
    'zh-CN': `${zh(node)}：“${zh(level)}”${score === undefined ? '' : `（得分 ${score} 分）`}。`,
    en: `${en(node)}: "${en(level)}"${score === undefined ? '' : ` (a score of ${score})`}.`,
  }),
  /** Where a classification stood before a cap or floor moved it. */
  band: (node: L, band: L, score?: number): L => ({
    'zh-CN':
      score === undefined
        ? `${zh(node)}：限制前为“${zh(band)}”。`
        : `${zh(node)}：${score} 分对应“${zh(band)}”。`,
    en:
      score === undefined
        ? `${en(node)}: "${en(band)}" before limits.`
        : `${en(node)}: a score of ${score} falls in "${en(band)}".`,
  }),
  // Reasons are written as sentences of their own (capitalized), so they follow a colon.
  capped: (node: L, level: L, reasons: L[]): L => ({
    'zh-CN': `${zh(node)}被限定为“${zh(level)}”：${reasons.map(zh).join('；') || '上限规则'}。`,
    en: `${en(node)} is limited to "${en(level)}": ${reasons.map(en).join('; ') || 'a cap'}.`,
  }),
  floored: (node: L, level: L, reasons: L[]): L => ({
    'zh-CN': `${zh(node)}至少为“${zh(level)}”：${reasons.map(zh).join('；') || '下限规则'}。`,
    en: `${en(node)} is at least "${en(level)}": ${reasons.map(en).join('; ') || 'a floor'}.`,
  }),
  limitNote: (reason: L): L => ({
    'zh-CN': `另外：${zh(reason)}。`,
    en: `Also: ${en(reason)}.`,
  }),
  matchSummary: (allowed: number, warn: number, prohibited: number): L => ({
    'zh-CN': `在 ${allowed + warn + prohibited} 个产品中，${allowed} 个与您匹配，${warn} 个需要您确认风险警示后才能购买，${prohibited} 个不能购买。`,
    en: `Of ${allowed + warn + prohibited} products, ${allowed} match you, ${warn} need your confirmation of a risk warning, and ${prohibited} cannot be bought.`,
  }),
  productWarn: (product: L, reasons: L[]): L => ({
    'zh-CN': `“${zh(product)}”需确认风险警示：${reasons.map(zh).join('；')}。`,
    en: `"${en(product)}" needs your confirmation: ${reasons.map(en).join('; ')}.`,
  }),
  productProhibited: (product: L, reasons: L[]): L => ({
    'zh-CN': `“${zh(product)}”不能购买：${reasons.map(zh).join('；')}。`,
    en: `"${en(product)}" cannot be bought: ${reasons.map(en).join('; ')}.`,
  }),
};
