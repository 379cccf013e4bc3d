import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildNotices,
  compilePack,
  mergeMonitorParts,
  noticesHtml,
  ratingChangesOf,
  type MonitorReport,
} from '../../engine/index.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { pick, usageError, type Lang } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';
import { readHoldings, readPreviousResults, type RowError } from '../monitorInputs.ts';
import { writeMonitorLists } from '../monitorOutputs.ts';
import { monitorBook } from '../workers/monitorPipeline.ts';
import { createProgress, workerCount } from '../workers/options.ts';
import { compileOrExplain } from './compile.ts';
import { monitorDates, resolveScenario } from './monitorSetup.ts';

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

/** A file name for a client's notice: its id with anything but letters, digits, `-_.` replaced. */
const noticeFile = (clientId: string, taken: Set<string>) => {
  const base = clientId.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_') || 'client';
  let name = `${base}.html`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.html`;
  taken.add(name.toLowerCase());
  return name;
};

function counts(report: MonitorReport, lang: Lang): string[] {
  const amount = report.unsuitable.reduce((n, h) => n + h.amount, 0);
  const kinds = (k: string) => report.expiring.filter((e) => e.kind === k).length;
  const en = [
    `clients: ${report.clients} (as of ${report.asOf}, window to ${report.windowEnd}), ${report.errors.length} could not be evaluated`,
    `changed clients (level, professional status or a verdict): ${report.changes.length}`,
    `holdings not suitable: ${report.unsuitable.length} (amount ${amount}) in ${report.byProduct.length} products, ${report.byClient.length} clients; newly: ${report.unsuitable.filter((h) => h.newlyUnsuitable).length}`,
    `expiring: ${kinds('assessment')} assessments, ${kinds('professional')} professional statuses, ${kinds('age')} age thresholds`,
    `re-rated products: ${report.ratingChanges.length}, their holdings: ${report.ratingHolders.length}`,
  ];
  const zh = [
    `客户：${report.clients}（截至 ${report.asOf}，窗口至 ${report.windowEnd}），${report.errors.length} 个无法评估`,
    `等级、专业身份或匹配意见有变化的客户：${report.changes.length}`,
    `不再适当的持仓：${report.unsuitable.length}（金额 ${amount}），涉及 ${report.byProduct.length} 个产品、${report.byClient.length} 个客户；新增：${report.unsuitable.filter((h) => h.newlyUnsuitable).length}`,
    `即将到期：测评 ${kinds('assessment')}，专业投资者身份 ${kinds('professional')}，年龄阈值 ${kinds('age')}`,
    `风险等级调整的产品：${report.ratingChanges.length}，其持仓：${report.ratingHolders.length}`,
  ];
  return lang === 'en' ? en : zh;
}

export const monitorCommand: Command = {
  name: 'monitor',
  spec: {
    positionals: ['PACK'],
    options: {
      clients: true,
      holdings: true,
      previous: true,
      'previous-results': true,
      'as-of': true,
      within: true,
      scenario: true,
      out: true,
      notices: true,
      workers: true,
      progress: false,
    },
  },
  usage:
    'monitor PACK --clients FILE [--holdings FILE] [--previous OLD_PACK | --previous-results FILE] [--as-of DATE] [--within 30d] [--scenario NAME|FILE] [--out DIR] [--notices DIR] [--workers N]',
  summary: {
    'zh-CN':
      '持续监控（第二十一条）：对客户名册和持仓，列出等级 / 专业身份 / 匹配意见有变化的客户、不再适当的持仓、即将到期的测评与身份、达到年龄阈值的客户、风险等级调整的产品及其持有人；--out 写出 CSV 和 JSONL，--notices 为每位需告知的客户写出告知书（HTML）',
    en: 'ongoing monitoring (Art. 21): for a book of clients and holdings, list clients whose level, professional status or a verdict changed, holdings no longer suitable, expiring assessments and statuses, age thresholds reached, re-rated products and their holders; --out writes CSV and JSONL, --notices one HTML notice per client to tell',
  },
  async run({ positionals, options, lang, stdout, stderr, now }) {
    const [file] = positionals as [string];
    const clients = str(options.clients);
    if (clients === undefined)
      throw usageError('monitor 需要 --clients 文件', 'monitor needs --clients FILE');
    const previousFile = str(options.previous);
    const resultsFile = str(options['previous-results']);
    if (previousFile !== undefined && resultsFile !== undefined)
      throw usageError(
        '--previous 与 --previous-results 只能选一个',
        'give --previous or --previous-results, not both',
      );
    // The engine reads no clock; without --as-of the run is as of today (UTC).
    const { asOf, windowEnd } = monitorDates(options, new Date().toISOString().slice(0, 10));
    const workers = workerCount(options);
    const report = printer(stderr, lang);
    const say = printer(stdout, lang);

    const loaded = await loadPack(file);
    const compiled = compileOrExplain(loaded);
    const scenario = await resolveScenario(str(options.scenario), loaded.pack);
    const currentPack = scenario?.pack ?? loaded.pack;
    const current = scenario ? compilePack(currentPack) : compiled;
    const previous = previousFile ? compileOrExplain(await loadPack(previousFile)) : undefined;
    // With a scenario and no other baseline, the book is compared with the pack as saved.
    const base = previous ?? (scenario && resultsFile === undefined ? compiled : undefined);
    const ratingsBefore = previous?.pack ?? (scenario ? loaded.pack : undefined);

    const rowErrors: RowError[] = [];
    const products = new Set(
      [...currentPack.products.items, ...(base?.pack.products.items ?? [])].map((p) => p.id),
    );
    const holdingsFile = str(options.holdings);
    const holdings = holdingsFile
      ? await readHoldings(holdingsFile, products)
      : { byClient: new Map(), count: 0, errors: [] };
    rowErrors.push(...holdings.errors);
    const results = resultsFile ? await readPreviousResults(resultsFile) : undefined;
    rowErrors.push(...(results?.errors ?? []));

    const progress = createProgress(stderr, lang, now, options.progress === true);
    let parts;
    try {
      parts = await monitorBook({
        clients,
        setup: {
          pack: currentPack,
          ...(base ? { basePack: base.pack } : {}),
          previousResults: results !== undefined,
          ...(ratingsBefore ? { ratingsBefore } : {}),
          asOf,
          windowEnd,
        },
        compiled: { current, ...(base ? { base } : {}) },
        holdings: holdings.byClient,
        ...(results ? { previous: results.byClient } : {}),
        workers,
        ...(progress ? { progress: progress.update } : {}),
      });
    } finally {
      progress?.done();
    }
    const result = mergeMonitorParts(parts, {
      asOf,
      windowEnd,
      ratingChanges: ratingsBefore ? ratingChangesOf(ratingsBefore, currentPack) : [],
    });

    for (const e of rowErrors) report(`${e.path}:${e.line}: ${pick(e.message, lang)}`);
    for (const e of result.errors)
      report(
        `${clients}:${e.line ?? '?'}${e.clientId ? ` (${e.clientId})` : ''}: ${pick(e.message, lang)}`,
      );
    const orphans = [...holdings.byClient.values()].flat();
    if (orphans.length > 0)
      report({
        'zh-CN': `${holdingsFile}：${orphans.length} 笔持仓的客户不在 ${clients} 中（如 ${orphans[0]?.clientId}），未计入`,
        en: `${holdingsFile}: ${orphans.length} holding(s) of clients not in ${clients} (e.g. ${orphans[0]?.clientId}), not counted`,
      });
    for (const line of counts(result, lang)) say(line);

    const out = str(options.out);
    if (out !== undefined) {
      await writeMonitorLists(out, result);
      say({ 'zh-CN': `工作清单写入 ${out}`, en: `work lists written to ${out}` });
    }
    const noticeDir = str(options.notices);
    if (noticeDir !== undefined) {
      const notices = buildNotices(result, currentPack, {
        packId: loaded.pack.id,
        title: loaded.pack.title,
        version: loaded.pack.version,
        hash: loaded.hash,
        ...(scenario ? { scenario: scenario.scenario.name } : {}),
      });
      await mkdir(noticeDir, { recursive: true });
      const taken = new Set<string>(['all.html']);
      for (const n of notices)
        await writeFile(join(noticeDir, noticeFile(n.clientId, taken)), noticesHtml([n], lang));
      // All of them in one page too, one per printed page.
      await writeFile(join(noticeDir, 'all.html'), noticesHtml(notices, lang));
      say({
        'zh-CN': `${notices.length} 份告知书写入 ${noticeDir}`,
        en: `${notices.length} notice(s) written to ${noticeDir}`,
      });
    }
    return rowErrors.length + result.errors.length > 0 ? 1 : 0;
  },
};
