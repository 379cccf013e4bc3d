import type { LocalizedText, Pack } from '../../domain/index.ts';
import { readPack } from './plan.ts';
import type { MonitorReport, VerdictKey } from './types.ts';
import { labelOr } from './wording.ts';

/** The pack a notice comes from: the published version and content hash a reader can check. */
export type NoticeSource = {
  packId: string;
  title: LocalizedText;
  version: string;
  hash: string;
  /** The market scenario the run applied, if any. */
  scenario?: LocalizedText;
};

export type NoticeHolding = {
  product: string;
  name: LocalizedText;
  amount: number;
  since: string;
  verdict: VerdictKey;
};

/** One client's Art. 21 notice: what changed, what it means, what to do. */
export type Notice = {
  clientId: string;
  asOf: string;
  source: NoticeSource;
  level: LocalizedText | null;
  changes: LocalizedText[];
  ratings: LocalizedText[];
  holdings: NoticeHolding[];
  expiring: LocalizedText[];
  meaning: LocalizedText[];
  actions: LocalizedText[];
};

/** The CSRC Measures' Art. 21, as the domain notes give it. */
export const ART21: LocalizedText = {
  'zh-CN':
    '根据《证券期货投资者适当性管理办法》第二十一条，投资者或产品的信息发生变化时，经营机构应当调整投资者分类、产品分级以及适当性匹配意见，并告知投资者。',
  en: 'Under Art. 21 of the CSRC Securities and Futures Investor Suitability Measures, when the information about an investor or a product changes, the firm adjusts the investor classification, the product rating and the matching opinion, and tells the investor.',
};

const MEANS_WARN: LocalizedText = {
  'zh-CN': '“警示并确认后允许”：购买前须向您作出风险警示，并经您书面确认。',
  en: '"Allowed with warning": before a purchase you are given a risk warning and confirm it in writing.',
};
const MEANS_PROHIBITED: LocalizedText = {
  'zh-CN': '“禁止”：按本次匹配意见，该产品不能再向您销售。',
  en: '"Prohibited": under this matching opinion the product cannot be sold to you.',
};
const MEANS_LEVEL: LocalizedText = {
  'zh-CN': '此后的适当性匹配意见以调整后的风险承受能力等级为准。',
  en: 'Matching opinions from now on follow the adjusted risk-tolerance level.',
};
const ACT_CONTACT: LocalizedText = {
  'zh-CN': '如对上述持仓有疑问，请联系您的客户经理。',
  en: 'If you have questions about the holdings above, please contact your account manager.',
};
const ACT_REASSESS: LocalizedText = {
  'zh-CN': '如您的情况已有变化，可重新进行风险承受能力测评。',
  en: 'If your circumstances have changed, you may take the risk-tolerance assessment again.',
};
const ACT_EXPIRY: LocalizedText = {
  'zh-CN': '测评过期后，再次购买前须重新测评。',
  en: 'Once the assessment has expired, reassessment comes before any further purchase.',
};

/**
 * Notices for every client the report says must be told (Art. 21): those whose level, status
 * or a verdict changed, and the holders of a re-rated product. In book order.
 *
 * @example
 * const notices = buildNotices(report, compiled.pack, { packId, title, version, hash });
 */
export function buildNotices(report: MonitorReport, pack: Pack, source: NoticeSource): Notice[] {
  const reading = readPack(pack);
  const name = (id: string) => reading.productNames.get(id) ?? { 'zh-CN': id, en: id };
  type Draft = Notice & { index: number };
  const drafts = new Map<string, Draft>();
  const seenVerdicts = new Map<string, Set<VerdictKey>>();
  const saw = (clientId: string, v: VerdictKey) => {
    let set = seenVerdicts.get(clientId);
    if (!set) seenVerdicts.set(clientId, (set = new Set()));
    set.add(v);
  };
  const draft = (clientId: string, index: number): Draft => {
    let d = drafts.get(clientId);
    if (!d) {
      d = {
        clientId,
        index,
        asOf: report.asOf,
        source,
        level: null,
        changes: [],
        ratings: [],
        holdings: [],
        expiring: [],
        meaning: [ART21],
        actions: [],
      };
      drafts.set(clientId, d);
    }
    return d;
  };
  for (const c of report.changes) {
    const d = draft(c.clientId, c.index);
    d.changes.push(...c.reasons);
    for (const p of c.products) saw(c.clientId, p.to);
    if (c.levelAfter !== null) d.level = labelOr(reading.levelLabels, c.levelAfter);
    if (c.levelAfter !== c.levelBefore) d.meaning.push(MEANS_LEVEL);
  }
  const ratingText = new Map(report.ratingChanges.map((r) => [r.product, r.text]));
  for (const h of report.ratingHolders) {
    const d = draft(h.clientId, h.index);
    for (const t of ratingText.get(h.product) ?? []) if (!d.ratings.includes(t)) d.ratings.push(t);
  }
  for (const u of report.unsuitable) {
    const d = drafts.get(u.clientId);
    if (!d) continue;
    saw(u.clientId, u.verdict);
    d.holdings.push({
      product: u.productId,
      name: name(u.productId),
      amount: u.amount,
      since: u.since,
      verdict: u.verdict,
    });
  }
  for (const e of report.expiring) {
    const d = drafts.get(e.clientId);
    if (d && e.kind !== 'age') d.expiring.push(e.text);
  }
  for (const d of drafts.values()) {
    const verdicts = seenVerdicts.get(d.clientId) ?? new Set<VerdictKey>();
    if (verdicts.has('warn')) d.meaning.push(MEANS_WARN);
    if (verdicts.has('prohibited')) d.meaning.push(MEANS_PROHIBITED);
    if (d.holdings.length > 0) d.actions.push(ACT_CONTACT);
    d.actions.push(ACT_REASSESS);
    if (d.expiring.length > 0) d.actions.push(ACT_EXPIRY);
  }
  return [...drafts.values()]
    .sort((a, b) => a.index - b.index)
    .map(({ index: _index, ...notice }) => notice);
}
