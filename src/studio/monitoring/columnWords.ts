import { lt, localize, type LocalizedText } from '../../domain/index.ts';

/**
 * The work lists' column names on screen, in the user's language. Files keep the machine names
 * (`clientId`, `reasonsZh`) that a script reading the CSV expects.
 */
const WORDS: Record<string, LocalizedText> = {
  clientId: lt('客户编号', 'Client'),
  line: lt('行号', 'Line'),
  levelBefore: lt('原等级', 'Level before'),
  levelAfter: lt('现等级', 'Level now'),
  professionalBefore: lt('原专业投资者', 'Professional before'),
  professionalAfter: lt('现专业投资者', 'Professional now'),
  changedProducts: lt('结论变化的产品', 'Products whose verdict changed'),
  reasons: lt('原因', 'Reasons'),
  productId: lt('产品', 'Product'),
  amount: lt('金额', 'Amount'),
  since: lt('持有起始', 'Held since'),
  verdict: lt('现结论', 'Verdict now'),
  verdictBefore: lt('原结论', 'Verdict before'),
  verdictAfter: lt('现结论', 'Verdict now'),
  newlyUnsuitable: lt('新近不适当', 'Newly unsuitable'),
  holdings: lt('持仓笔数', 'Holdings'),
  clients: lt('客户数', 'Clients'),
  kind: lt('类别', 'Kind'),
  status: lt('状态', 'Status'),
  date: lt('日期', 'Date'),
  threshold: lt('阈值', 'Threshold'),
  text: lt('说明', 'What'),
  name: lt('名称', 'Name'),
  changes: lt('调整', 'Changes'),
  holders: lt('持有客户', 'Holders'),
  code: lt('错误代码', 'Error code'),
  message: lt('错误', 'Error'),
};

/** `reasonsZh` is the `reasons` column in Chinese: shown only in that language. */
function split(key: string): { base: string; locale?: string } {
  const m = /^(.*)(Zh|En)$/.exec(key);
  return m ? { base: m[1] as string, locale: m[2] === 'Zh' ? 'zh-CN' : 'en' } : { base: key };
}

/** The columns a screen in `locale` shows: one language of the texts given in both. */
export function shownColumns<C extends [string, unknown]>(columns: readonly C[], locale: string) {
  return columns.filter(([key]) => {
    const { locale: only } = split(key);
    return !only || only === locale;
  });
}

/** A column's name in `locale`; a name with no words known stays as it is. */
export function columnWord(key: string, locale: string): string {
  const words = WORDS[split(key).base];
  return words ? localize(words, locale) : key;
}
