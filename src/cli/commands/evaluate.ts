import { extname, resolve } from 'node:path';
import { DateSchema, type LocalizedText } from '../../domain/index.ts';
import { evaluate, EvaluationError } from '../../engine/index.ts';
import { choice } from '../args.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { csvWriter, evaluationProblem, jsonlRow, type OutputFormat } from '../formats.ts';
import { pick, usageError } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';
import { checkTrust } from '../trust.ts';
import { readInputs, type InputItem } from '../readers.ts';
import { openSink } from '../sink.ts';
import { compileOrExplain } from './compile.ts';
import { evaluateInParallel } from '../workers/parallelEvaluate.ts';
import { createProgress, workerCount } from '../workers/options.ts';

export const evaluateCommand: Command = {
  name: 'evaluate',
  spec: {
    positionals: ['PACK'],
    options: {
      input: true,
      out: true,
      format: true,
      trace: false,
      date: true,
      'fail-fast': false,
      workers: true,
      progress: false,
      trusted: true,
    },
  },
  usage:
    'evaluate PACK --input clients.(csv|jsonl|json) [--out FILE] [--format jsonl|csv] [--trace] [--date YYYY-MM-DD] [--fail-fast] [--workers N] [--progress] [--trusted keys.json]',
  summary: {
    'zh-CN':
      '逐行评估客户文件（流式处理，内存占用恒定，--workers 个线程并行，默认每核一个，0 为单线程，输出顺序与输入一致）；有错误行时退出码为 1',
    en: 'evaluate a file of clients, streaming with constant memory on --workers threads (default one per core, 0 = this thread; output in input order); exit 1 when some rows fail',
  },
  async run({ positionals, options, lang, stderr, now }) {
    const [file] = positionals as [string];
    const input = options.input;
    if (typeof input !== 'string')
      throw usageError('evaluate 需要 --input 文件', 'evaluate needs --input FILE');
    const out = typeof options.out === 'string' ? options.out : undefined;
    if (out !== undefined && resolve(out) === resolve(input))
      throw usageError('--out 不能与 --input 是同一个文件', '--out must not be the --input file');
    const format: OutputFormat =
      choice(options, 'format', ['jsonl', 'csv'] as const) ??
      (out && extname(out).toLowerCase() === '.csv' ? 'csv' : 'jsonl');
    const date = typeof options.date === 'string' ? options.date : undefined;
    if (date !== undefined && !DateSchema.safeParse(date).success)
      throw usageError(
        `--date 应为 YYYY-MM-DD，收到 "${date}"`,
        `--date must be YYYY-MM-DD, got "${date}"`,
      );
    const trace = options.trace === true;
    const failFast = options['fail-fast'] === true;
    const workers = workerCount(options);
    if (trace && format === 'csv')
      throw usageError('--trace 只能用于 jsonl 输出', '--trace needs jsonl output');

    const loaded = await loadPack(file);
    await checkTrust(loaded, options.trusted, stderr, lang);
    const compiled = compileOrExplain(loaded);
    const report = printer(stderr, lang);
    const csv = format === 'csv' ? csvWriter(loaded.pack) : undefined;
    /** One client's output line, or why it has none. */
    const evaluateItem = (
      item: InputItem,
    ): { row: string } | { problem: LocalizedText; clientId: string | undefined } => {
      if ('error' in item) return { problem: item.error, clientId: item.clientId };
      try {
        // CSV has no column for the rationale: skip building it.
        const result = evaluate(compiled, item.input, {
          trace,
          now,
          locale: lang,
          rationale: !csv,
        });
        return { row: csv ? csv.row(item.input, result) : jsonlRow(item.input, result) };
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        return { problem: evaluationProblem(e), clientId: item.input.clientId };
      }
    };
    const sink = await openSink(out);
    let evaluated = 0;
    let failed = 0;
    const stopAtFirstError = async () => {
      await sink.abort();
      report(
        out
          ? {
              'zh-CN': '遇到第一个错误即停止（--fail-fast），未写出结果文件',
              en: 'stopped at the first error (--fail-fast); no output file written',
            }
          : {
              'zh-CN': '遇到第一个错误即停止（--fail-fast）',
              en: 'stopped at the first error (--fail-fast)',
            },
      );
      return 1;
    };
    const progress = createProgress(stderr, lang, now, options.progress === true);
    try {
      if (csv) await sink.write(csv.header);
      if (workers > 0) {
        const setup = { date, format, trace, lang };
        const done = await evaluateInParallel({
          input,
          pack: loaded.pack,
          setup,
          workers,
          sink,
          lang,
          failFast,
          report,
          ...(progress ? { progress: progress.update } : {}),
        });
        evaluated = done.evaluated;
        failed = done.failed;
        if (done.stopped) return await stopAtFirstError();
      } else
        for await (const item of readInputs(input, loaded.pack, date)) {
          const outcome = evaluateItem(item);
          if ((evaluated + failed) % 1000 === 0) progress?.update(evaluated + failed);
          if ('row' in outcome) {
            await sink.write(outcome.row);
            evaluated++;
            continue;
          }
          failed++;
          const who = outcome.clientId ? ` (${outcome.clientId})` : '';
          report(`${input}:${item.line}${who}: ${pick(outcome.problem, lang)}`);
          if (failFast) return await stopAtFirstError();
        }
      await sink.commit();
    } catch (e) {
      await sink.abort();
      throw e;
    } finally {
      progress?.done();
    }
    if (evaluated + failed === 0)
      report({
        'zh-CN': `${input}：0 个客户（文件为空或只有表头）`,
        en: `${input}: 0 clients (the file is empty or has only a header)`,
      });
    report({
      'zh-CN': `已评估 ${evaluated} 个客户，${failed} 个出错${out ? `，结果写入 ${out}` : ''}`,
      en: `evaluated ${evaluated} client(s), ${failed} failed${out ? `; results in ${out}` : ''}`,
    });
    return failed > 0 ? 1 : 0;
  },
};
