import { localize, type EvaluationInputDraft, type Pack } from '../../domain/index.ts';
import type { EvaluationResult } from '../../engine/index.ts';
import { headline, outputRows } from './resultView.ts';

export type NoticeLocale = 'zh-CN' | 'en';

export type NoticeProduct = {
  id: string;
  name: string;
  risk: string;
  reasons: string[];
  flags: string[];
};

/** The client suitability notice (适当性匹配意见告知书), every line in one language. */
export type Notice = {
  locale: NoticeLocale;
  title: string;
  pack: string;
  /** `[label, value]` lines of the assessment. */
  facts: [string, string][];
  flags: string[];
  rationale: string[];
  matched: NoticeProduct[];
  warned: NoticeProduct[];
  prohibited: NoticeProduct[];
  warnings: string[];
  confirmations: string[];
  signatures: string[];
  date: string;
  /** The firm issuing the notice (the pack's `firm.name`), when the pack names one. */
  firm?: string;
  /**
   * The published version the notice was made under, with its content hash. Absent for a pack not
   * published (draft, in review, approved but not yet published, retired): such a notice is a
   * draft, carries the watermark and claims no version.
   */
  release?: { version: string; hash: string };
  /** `草稿 / DRAFT — not for clients` when the notice is not from a published version. */
  watermark?: string;
};

export const DRAFT_WATERMARK = '草稿 / DRAFT — not for clients';

/** The version a notice may claim: a published pack with its content hash, nothing else. */
export function noticeRelease(pack: Pack): Notice['release'] {
  const hash = pack.integrity?.hash;
  return pack.status === 'published' && hash ? { version: pack.version, hash } : undefined;
}

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/** `2026-06-01` as `2026年6月1日` or `1 June 2026`. */
export function formatDate(date: string, locale: NoticeLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  return locale === 'zh-CN'
    ? `${y}年${Number(mo)}月${Number(d)}日`
    : `${Number(d)} ${MONTHS[Number(mo) - 1] ?? mo} ${y}`;
}

const TEXT = {
  'zh-CN': {
    title: '投资者适当性匹配意见告知书',
    client: '投资者',
    clientId: '客户编号',
    evaluationDate: '评估日期',
    assessmentDate: '风险测评日期',
    validUntil: '测评有效期至',
    score: '测评得分',
    level: '风险承受能力等级',
    warnMismatch:
      '上列“需警示并确认”的产品或服务与您的风险承受能力、投资期限或投资品种不匹配。本公司不主动向您推荐；如您主动要求购买，本公司将向您出具专门的风险警示书，您须书面确认已知悉风险后方可购买。',
    prohibitedNote: '上列“禁止”的产品或服务不得向您销售。',
    lowest: '您属于风险承受能力最低类别，不得购买高于您风险承受能力等级的产品或服务。',
    expired: '您的风险测评已过期，购买任何产品前须重新测评。',
    truthful:
      '本人确认：所提供的信息及测评问卷答案真实、准确、完整，信息发生重要变化时将及时告知。',
    understood: '本人已阅读并理解本告知书的全部内容，知悉本次评估结果及各产品的适当性匹配意见。',
    selfInitiated:
      '对于上列不匹配的产品或服务，如本人主动要求购买，本人已充分知悉其风险，自愿承担投资风险及可能的损失。',
    investor: '投资者（签字）：________________　日期：____________',
    staff: '经办人（签字）：________________　日期：____________',
  },
  en: {
    title: 'Notice of Suitability Assessment and Product Match',
    client: 'Investor',
    clientId: 'Client number',
    evaluationDate: 'Evaluation date',
    assessmentDate: 'Risk assessment date',
    validUntil: 'Assessment valid until',
    score: 'Assessment score',
    level: 'Risk-tolerance level',
    warnMismatch:
      'The products and services listed as "warning and confirmation" do not match your risk tolerance, investment horizon or investment variety. We do not recommend them to you; if you ask to buy one, we will give you a specific written risk warning and you must confirm in writing that you understand the risks before buying.',
    prohibitedNote: 'The products and services listed as "prohibited" may not be sold to you.',
    lowest:
      'You are in the lowest risk-tolerance category: you may not buy products or services above your risk-tolerance level.',
    expired: 'Your risk assessment has expired: reassess before any new purchase.',
    truthful:
      'I confirm that the information and questionnaire answers I gave are true, accurate and complete, and that I will tell the firm of any material change.',
    understood:
      'I have read and understood this notice, my assessment result and the suitability opinion on each product.',
    selfInitiated:
      'If I ask to buy a product or service listed as not matching, I do so knowing its risks and accept the risks and any losses.',
    investor: 'Investor (signature): ____________________   Date: ____________',
    staff: 'Officer (signature): ____________________   Date: ____________',
  },
} as const;

/**
 * The notice for one evaluated client, in `locale`, dated with the evaluation date, addressed to
 * `investorName` (blank for the investor to write in when not given).
 */
export function buildNotice(
  pack: Pack,
  input: EvaluationInputDraft,
  result: EvaluationResult,
  locale: NoticeLocale,
  investorName = '',
): Notice {
  const x = TEXT[locale];
  const l = (t: Parameters<typeof localize>[0]) => localize(t, locale);
  const rows = outputRows(pack, result);
  const { level, score } = headline(pack, result);
  const facts: [string, string][] = [];
  facts.push([x.client, investorName.trim() || '________________']);
  if (input.clientId) facts.push([x.clientId, input.clientId]);
  facts.push([x.evaluationDate, formatDate(input.evaluationDate, locale)]);
  facts.push([x.assessmentDate, formatDate(input.assessmentDate ?? input.evaluationDate, locale)]);
  const expires = result.outputs['expiresOn'];
  if (typeof expires === 'string') facts.push([x.validUntil, formatDate(expires, locale)]);
  if (score) facts.push([x.score, String(score.value)]);
  if (level) facts.push([x.level, level.label ? l(level.label) : level.value]);
  const product = (id: string): NoticeProduct => {
    const p = pack.products.items.find((i) => i.id === id);
    const v = result.products[id];
    return {
      id,
      name: p ? l(p.name) : id,
      risk: p?.risk ?? '',
      reasons: (v?.reasons ?? []).map((r) => l(r.text)),
      flags: v?.flags ?? [],
    };
  };
  const ids = pack.products.items.map((p) => p.id).filter((id) => result.products[id]);
  const byVerdict = (verdict: string) =>
    ids.filter((id) => result.products[id]?.verdict === verdict).map(product);
  const productNames = pack.products.items.map((p) => l(p.name));
  const warned = byVerdict('warn');
  const prohibited = byVerdict('prohibited');
  const warnings: string[] = [];
  if (result.flags.includes('lowestCategory')) warnings.push(x.lowest);
  if (result.flags.includes('reassessmentDue')) warnings.push(x.expired);
  if (warned.length > 0) warnings.push(x.warnMismatch);
  if (prohibited.length > 0) warnings.push(x.prohibitedNote);
  // The procedures the pack's match policies require for these products (enhanced procedure,
  // written confirmation, recording...), each once.
  const raised = new Set(Object.values(result.products).flatMap((v) => v.flags));
  for (const n of pack.graph.nodes)
    if (n.kind === 'match')
      for (const p of n.config.policies)
        if (p.kind === 'flag' && raised.has(p.flag)) {
          const text = l(p.reason.text);
          if (!warnings.includes(text)) warnings.push(text);
        }
  const release = noticeRelease(pack);
  return {
    locale,
    title: x.title,
    // A draft names the pack, never a version it might not become.
    pack: release
      ? `${l(pack.title)} · ${pack.id} ${release.version}`
      : `${l(pack.title)} · ${pack.id}`,
    ...(pack.firm ? { firm: l(pack.firm.name) } : {}),
    ...(release ? { release } : { watermark: DRAFT_WATERMARK }),
    facts,
    flags: rows
      .filter((r) => r.flag && r.value === true)
      .map((r) => (r.label ? l(r.label) : r.name)),
    // Lines about single products repeat what section 2 lists product by product.
    rationale: result.rationale
      .map(l)
      .filter(
        (line) =>
          !productNames.some((name) => line.includes(`“${name}”`) || line.includes(`"${name}"`)),
      ),
    matched: byVerdict('allowed'),
    warned,
    prohibited,
    warnings,
    confirmations: [x.truthful, x.understood, ...(warned.length > 0 ? [x.selfInitiated] : [])],
    signatures: [x.investor, x.staff],
    date: formatDate(input.evaluationDate, locale),
  };
}
