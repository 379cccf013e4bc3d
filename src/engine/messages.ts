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
    'zh-CN': `由于${zh(reason)}，评分按 0 分处理。`,
    en: `Because ${en(reason)}, the score counts as 0.`,
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
  band: (score: number, band: L): L => ({
    'zh-CN': `${score} 分对应的风险承受能力为“${zh(band)}”。`,
    en: `A score of ${score} corresponds to "${en(band)}".`,
  }),
  capped: (level: L, reasons: L[]): L => ({
    'zh-CN': `因${reasons.map(zh).join('；') || '上限规则'}，您的类别被限定为“${zh(level)}”。`,
    en: `Because ${reasons.map(en).join('; ') || 'of a cap'}, your category is limited to "${en(level)}".`,
  }),
  floored: (level: L, reasons: L[]): L => ({
    'zh-CN': `因${reasons.map(zh).join('；') || '下限规则'}，您的类别至少为“${zh(level)}”。`,
    en: `Because ${reasons.map(en).join('; ') || 'of a floor'}, your category is at least "${en(level)}".`,
  }),
  limitNote: (reason: L): L => ({
    'zh-CN': `另外：${zh(reason)}。`,
    en: `Also: ${en(reason)}.`,
  }),
  level: (level: L): L => ({
    'zh-CN': `您的风险承受能力类别为“${zh(level)}”。`,
    en: `Your risk tolerance category is "${en(level)}".`,
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
