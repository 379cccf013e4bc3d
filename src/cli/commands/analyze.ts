import { extname, resolve } from 'node:path';
import { DateSchema } from '../../domain/index.ts';
import { analyticsToCsv, prepareAnalytics, summarizeAnalytics } from '../../engine/index.ts';
import { choice } from '../args.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { pick, usageError } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';
import { readRecords, recordReader } from '../readers.ts';
import { openSink } from '../sink.ts';
import { checkTrust } from '../trust.ts';
import { compileOrExplain } from './compile.ts';

/** Bad rows named on stderr before the rest are only counted. */
const SHOWN_ERRORS = 20;

function wholeNumber(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < min)
    throw usageError(
      `--${name} 应为不小于 ${min} 的整数，收到 "${String(value)}"`,
      `--${name} must be a whole number of at least ${min}, got "${String(value)}"`,
    );
  return n;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  spec: {
    positionals: ['PACK'],
    options: {
      clients: true,
      out: true,
      format: true,
      date: true,
      classify: true,
      'vary-every': true,
      trusted: true,
    },
  },
  usage:
    'analyze PACK --clients clients.(csv|jsonl|json) [--out FILE] [--format json|csv] [--date YYYY-MM-DD] [--classify NODE] [--vary-every N] [--trusted keys.json]',
  summary: {
    'zh-CN':
      '问卷分析：答案分布、各维度克隆巴赫 α 与修正题总相关、不改变任何人等级的题目与改变最多的题目、否决项比例、答案不一致的比例（与工作室“问卷分析”相同的数字）；--vary-every N 只对每 N 位客户中的 1 位改答案（大文件抽样）',
    en: "questionnaire analytics: answer distribution, Cronbach's alpha and corrected item-total correlation per dimension, questions that change no one's level and those that move most, knock-out rate, incoherent answers (the studio's figures); --vary-every N varies the answers of one client in N (sampling a large file)",
  },
  async run({ positionals, options, lang, stderr }) {
    const [file] = positionals as [string];
    const input = options.clients;
    if (typeof input !== 'string')
      throw usageError('analyze 需要 --clients 文件', 'analyze needs --clients FILE');
    const out = typeof options.out === 'string' ? options.out : undefined;
    if (out !== undefined && resolve(out) === resolve(input))
      throw usageError(
        '--out 不能与 --clients 是同一个文件',
        '--out must not be the --clients file',
      );
    const format =
      choice(options, 'format', ['json', 'csv'] as const) ??
      (out && extname(out).toLowerCase() === '.csv' ? 'csv' : 'json');
    const date = typeof options.date === 'string' ? options.date : undefined;
    if (date !== undefined && !DateSchema.safeParse(date).success)
      throw usageError(
        `--date 应为 YYYY-MM-DD，收到 "${date}"`,
        `--date must be YYYY-MM-DD, got "${date}"`,
      );
    const stride = wholeNumber(options['vary-every'], 'vary-every', 0) ?? 1;
    const classifyId = typeof options.classify === 'string' ? options.classify : undefined;

    const loaded = await loadPack(file);
    await checkTrust(loaded, options.trusted, stderr, lang);
    const compiled = compileOrExplain(loaded);
    const report = printer(stderr, lang);
    let analytics;
    try {
      analytics = prepareAnalytics(compiled, {
        sensitivityStride: stride,
        ...(classifyId === undefined ? {} : { classifyId }),
      });
    } catch (e) {
      throw usageError(
        `${file}：无法分析（${String(e)}）`,
        `${file}: cannot analyse (${String(e)})`,
      );
    }
    const part = analytics.createPart();
    const { header, records } = await readRecords(input, loaded.pack, date);
    const toItem = recordReader(loaded.pack, header, date);
    let index = 0;
    let unread = 0;
    for await (const record of records) {
      const item = toItem(record);
      if ('error' in item) {
        unread++;
        if (unread <= SHOWN_ERRORS) report(`${input}:${item.line} ${pick(item.error, lang)}`);
        continue;
      }
      const before = part.errors;
      analytics.add(part, item.input, index++);
      if (part.errors > before && part.errors + unread <= SHOWN_ERRORS)
        report({
          'zh-CN': `${input}:${item.line} 评估失败，未计入`,
          en: `${input}:${item.line} could not be evaluated; left out`,
        });
    }
    const figures = summarizeAnalytics(analytics.shape, part);
    const sink = await openSink(out);
    try {
      await sink.write(
        format === 'csv' ? analyticsToCsv(figures) : `${JSON.stringify(figures, null, 2)}\n`,
      );
      await sink.commit();
    } catch (e) {
      await sink.abort();
      throw e;
    }
    const failed = unread + part.errors;
    report({
      'zh-CN': `已分析 ${figures.clients} 个客户（改答案 ${figures.sensitivity.sampled} 个），${failed} 个出错${out ? `，结果写入 ${out}` : ''}`,
      en: `analysed ${figures.clients} client(s) (answers varied for ${figures.sensitivity.sampled}), ${failed} failed${out ? `; figures in ${out}` : ''}`,
    });
    return failed > 0 ? 1 : 0;
  },
};
