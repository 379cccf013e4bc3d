import type { LocalizedText, Reason, Verdict } from '../../domain/index.ts';
import { verdictWords } from '../diffText.ts';
import { rationaleMessages as m } from '../messages.ts';
import type { ExpiryStatus, VerdictKey } from './types.ts';

/** Sentences of the work lists and notices, in both languages; verdicts in the diff's words. */

const plain = (s: string): LocalizedText => ({ 'zh-CN': s, en: s });
const words = (v: VerdictKey | null): [string, string] =>
  v === 'absent' ? ['不在产品目录中', 'not in the catalogue'] : verdictWords(v ?? undefined);

export const labelOr = (labels: Map<string, LocalizedText>, id: string | null): LocalizedText =>
  id === null ? { 'zh-CN': '无', en: 'none' } : (labels.get(id) ?? plain(id));

export function levelChanged(before: LocalizedText, after: LocalizedText): LocalizedText {
  return {
    'zh-CN': `风险承受能力等级由“${before['zh-CN']}”调整为“${after['zh-CN']}”。`,
    en: `Risk-tolerance level changed from "${before.en}" to "${after.en}".`,
  };
}

export function professionalChanged(after: boolean | null): LocalizedText {
  return after
    ? { 'zh-CN': '现认定为专业投资者。', en: 'Now classified as a professional investor.' }
    : {
        'zh-CN': '不再按专业投资者对待，按普通投资者适用适当性匹配。',
        en: 'No longer treated as a professional investor: ordinary-investor matching applies.',
      };
}

/** `"Product": allowed -> prohibited`, then the rationale's sentence on the new verdict. */
export function verdictChanged(
  name: LocalizedText,
  from: VerdictKey | null,
  to: VerdictKey,
  reasons: readonly Reason[],
): LocalizedText[] {
  const [zhA, enA] = words(from);
  const [zhB, enB] = words(to);
  const line = {
    'zh-CN': `“${name['zh-CN']}”：${zhA} -> ${zhB}。`,
    en: `"${name.en}": ${enA} -> ${enB}.`,
  };
  const texts = reasons.map((r) => r.text);
  if (to === 'warn' && texts.length > 0) return [line, m.productWarn(name, texts)];
  if (to === 'prohibited' && texts.length > 0) return [line, m.productProhibited(name, texts)];
  return [line];
}

export function assessmentExpiry(status: ExpiryStatus, date: string): LocalizedText {
  return status === 'expired'
    ? m.expired(date)
    : {
        'zh-CN': `风险测评有效期至 ${date}，到期后购买前需要重新测评。`,
        en: `The risk assessment is valid until ${date}; after that, reassessment comes before any purchase.`,
      };
}

export function professionalExpiry(status: ExpiryStatus, date: string): LocalizedText {
  return status === 'expired'
    ? {
        'zh-CN': `专业投资者身份已于 ${date} 到期。`,
        en: `Professional investor status ran out on ${date}.`,
      }
    : {
        'zh-CN': `专业投资者身份有效期至 ${date}。`,
        en: `Professional investor status is valid until ${date}.`,
      };
}

export function ageReached(
  status: ExpiryStatus,
  age: number,
  reason: LocalizedText | undefined,
): LocalizedText {
  const why = reason ? { 'zh-CN': `（${reason['zh-CN']}）`, en: ` (${reason.en})` } : plain('');
  return status === 'crossed'
    ? {
        'zh-CN': `已达到 ${age} 岁${why['zh-CN']}。`,
        en: `Has reached ${age}${why.en}.`,
      }
    : {
        'zh-CN': `现为 ${age - 1} 岁，将于一年内达到 ${age} 岁${why['zh-CN']}；数据只有整岁年龄，没有出生日期。`,
        en: `Aged ${age - 1}: reaches ${age} within a year${why.en}; the data has age in whole years, not the date of birth.`,
      };
}

export const isVerdict = (v: unknown): v is Verdict =>
  v === 'allowed' || v === 'warn' || v === 'prohibited';
