import type { LocalizedText } from '../../domain/index.ts';
import { verdictWords } from '../diffText.ts';
import type { Notice } from './notice.ts';

type Lang = 'zh-CN' | 'en';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML: every pack string and client id goes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const UI = {
  title: [
    '适当性匹配意见变更告知书',
    'Notice of change in suitability classification and matching',
  ],
  client: ['投资者', 'Investor'],
  asOf: ['日期', 'Date'],
  source: ['依据规则包', 'Rule pack'],
  version: ['版本', 'version'],
  hash: ['内容哈希', 'content hash'],
  scenario: ['市场情景', 'Market scenario'],
  level: ['调整后的风险承受能力等级', 'Risk-tolerance level now'],
  changes: ['发生了什么变化', 'What changed'],
  ratings: ['产品风险等级调整', 'Product ratings adjusted'],
  holdings: ['持仓的匹配情况', 'Your holdings that no longer match outright'],
  product: ['产品', 'Product'],
  amount: ['金额', 'Amount'],
  since: ['持有自', 'Held since'],
  verdict: ['匹配意见', 'Matching opinion'],
  expiring: ['有效期提示', 'Validity'],
  meaning: ['这意味着什么', 'What it means'],
  actions: ['您可以做什么', 'What to do'],
  confirm: [
    '投资者确认：本人已阅读并知悉上述告知内容。',
    'Investor confirmation: I have read this notice.',
  ],
  signature: ['签名', 'Signature'],
  date: ['日期', 'Date'],
} as const satisfies Record<string, [string, string]>;

/** Print rules: one notice per page, no screen chrome on paper. */
export const NOTICE_CSS = `
.notice { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 46rem; margin: 0 auto 2rem; padding: 1.5rem; color: #111; }
.notice h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
.notice h2 { font-size: 1rem; margin: 1.2rem 0 .4rem; border-bottom: 1px solid #ccc; }
.notice .source { font-size: .8rem; color: #444; word-break: break-all; }
.notice table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.notice th, .notice td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left; }
.notice .sign { margin-top: 2rem; display: flex; gap: 4rem; }
@media print { .notice { break-after: page; page-break-after: always; margin: 0; max-width: none; } .no-print { display: none; } }
`;

/** One notice as an HTML fragment (`<section class="notice">`), in one language. */
export function noticeSection(n: Notice, lang: Lang): string {
  const t = (k: keyof typeof UI) => escapeHtml(UI[k][lang === 'en' ? 1 : 0]);
  const l = (text: LocalizedText) => escapeHtml(text[lang] || text.en);
  const list = (items: readonly LocalizedText[]) =>
    `<ul>${items.map((i) => `<li>${l(i)}</li>`).join('')}</ul>`;
  const block = (key: keyof typeof UI, items: readonly LocalizedText[]) =>
    items.length === 0 ? '' : `<h2>${t(key)}</h2>${list(items)}`;
  const verdict = (v: Notice['holdings'][number]['verdict']) =>
    escapeHtml(
      v === 'absent'
        ? lang === 'en'
          ? 'not in the catalogue'
          : '不在产品目录中'
        : verdictWords(v)[lang === 'en' ? 1 : 0],
    );
  const s = n.source;
  const holdings =
    n.holdings.length === 0
      ? ''
      : `<h2>${t('holdings')}</h2><table><thead><tr><th>${t('product')}</th><th>${t('amount')}</th><th>${t('since')}</th><th>${t('verdict')}</th></tr></thead><tbody>${n.holdings
          .map(
            (h) =>
              `<tr><td>${l(h.name)}</td><td>${escapeHtml(h.amount.toLocaleString('en-US'))}</td><td>${escapeHtml(h.since)}</td><td>${verdict(h.verdict)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return [
    `<section class="notice" lang="${lang}" data-client="${escapeHtml(n.clientId)}">`,
    `<h1>${t('title')}</h1>`,
    `<p>${t('client')}: <strong>${escapeHtml(n.clientId)}</strong> · ${t('asOf')}: ${escapeHtml(n.asOf)}</p>`,
    `<p class="source">${t('source')}: ${l(s.title)} (${escapeHtml(s.packId)}) ${t('version')} ${escapeHtml(s.version)} · ${t('hash')} <code>${escapeHtml(s.hash)}</code>${s.scenario ? ` · ${t('scenario')}: ${l(s.scenario)}` : ''}</p>`,
    n.level ? `<p>${t('level')}: <strong>${l(n.level)}</strong></p>` : '',
    block('changes', n.changes),
    block('ratings', n.ratings),
    holdings,
    block('expiring', n.expiring),
    block('meaning', n.meaning),
    block('actions', n.actions),
    `<p>${t('confirm')}</p><div class="sign"><span>${t('signature')}: ____________</span><span>${t('date')}: ____________</span></div>`,
    `</section>`,
  ].join('\n');
}

/** A whole printable page of notices (one per printed page). */
export function noticesHtml(notices: readonly Notice[], lang: Lang): string {
  const title = escapeHtml(UI.title[lang === 'en' ? 1 : 0]);
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title><style>${NOTICE_CSS}</style></head><body>\n${notices.map((n) => noticeSection(n, lang)).join('\n')}\n</body></html>\n`;
}
