import { extname, resolve } from 'node:path';
import { DateSchema } from '../../domain/index.ts';
import { choice } from '../args.ts';
import type { Command, CommandContext } from '../command.ts';
import { duckdbSummary, evaluateWithDuckdb } from '../duckdbEvaluate.ts';
import type { Lang } from '../i18n.ts';
import { printer } from '../command.ts';
import { csvWriter, type OutputFormat } from '../formats.ts';
import { usageError } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';
import { checkTrust } from '../trust.ts';
import { openSink } from '../sink.ts';
import { compileOrExplain } from './compile.ts';
import { explainProblems } from './exportPack.ts';
import { evaluateRows } from '../workers/rowPipeline.ts';
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
      engine: true,
    },
  },
  usage:
    'evaluate PACK --input clients.(csv|jsonl|json) [--out FILE] [--format jsonl|csv] [--trace] [--date YYYY-MM-DD] [--fail-fast] [--workers N] [--progress] [--trusted keys.json] [--engine js|duckdb]',
  summary: {
    'zh-CN':
      '逐行评估客户文件（流式处理，内存占用恒定，--workers 个线程并行，默认每核一个，0 为单线程，输出顺序与输入一致）；有错误行时退出码为 1。--engine duckdb 在内嵌 DuckDB 中运行 SQL 导出，读取 CSV 或 Parquet，写出 CSV 或 Parquet 到 --out',
    en: 'evaluate a file of clients, streaming with constant memory on --workers threads (default one per core, 0 = this thread; output in input order); exit 1 when some rows fail. --engine duckdb runs the SQL export in embedded DuckDB on CSV or Parquet, writing CSV or Parquet to --out',
  },
  async run({ positionals, options, lang, stderr, now }) {
    const [file] = positionals as [string];
    const input = options.input;
    if (typeof input !== 'string')
      throw usageError('evaluate 需要 --input 文件', 'evaluate needs --input FILE');
    const out = typeof options.out === 'string' ? options.out : undefined;
    if (out !== undefined && resolve(out) === resolve(input))
      throw usageError('--out 不能与 --input 是同一个文件', '--out must not be the --input file');
    const date = typeof options.date === 'string' ? options.date : undefined;
    if (date !== undefined && !DateSchema.safeParse(date).success)
      throw usageError(
        `--date 应为 YYYY-MM-DD，收到 "${date}"`,
        `--date must be YYYY-MM-DD, got "${date}"`,
      );
    if (choice(options, 'engine', ['js', 'duckdb'] as const) === 'duckdb')
      return runDuckdb({ file, input, out, date, options, lang, stderr });
    const format: OutputFormat =
      choice(options, 'format', ['jsonl', 'csv'] as const) ??
      (out && extname(out).toLowerCase() === '.csv' ? 'csv' : 'jsonl');
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
    const sink = await openSink(out);
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
    let done: Awaited<ReturnType<typeof evaluateRows>>;
    try {
      if (csv) await sink.write(csv.header);
      done = await evaluateRows({
        input,
        compiled,
        setup: { date, format, trace, lang },
        workers,
        sink,
        lang,
        failFast,
        report,
        now,
        ...(progress ? { progress: progress.update } : {}),
      });
      if (done.stopped) return await stopAtFirstError();
      await sink.commit();
    } catch (e) {
      await sink.abort();
      throw e;
    } finally {
      progress?.done();
    }
    const { evaluated, failed } = done;
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

/** `--engine duckdb`: the SQL export in embedded DuckDB, or what SQL cannot express at its path. */
async function runDuckdb(args: {
  file: string;
  input: string;
  out: string | undefined;
  date: string | undefined;
  options: CommandContext['options'];
  lang: Lang;
  stderr: CommandContext['stderr'];
}): Promise<number> {
  const { options, lang, stderr, out } = args;
  if (out === undefined)
    throw usageError('--engine duckdb 需要 --out 文件', '--engine duckdb needs --out FILE');
  if (options.trace === true || options['fail-fast'] === true)
    throw usageError(
      '--engine duckdb 不支持 --trace 与 --fail-fast',
      '--engine duckdb takes neither --trace nor --fail-fast',
    );
  const format =
    choice(options, 'format', ['csv', 'parquet'] as const) ??
    (extname(out).toLowerCase() === '.parquet' ? 'parquet' : 'csv');
  const loaded = await loadPack(args.file);
  await checkTrust(loaded, options.trusted, stderr, lang);
  const compiled = compileOrExplain(loaded);
  const workers = typeof options.workers === 'string' ? workerCount(options) : undefined;
  const outcome = await evaluateWithDuckdb({
    pack: compiled.pack,
    input: args.input,
    out,
    format,
    date: args.date,
    threads: workers,
  });
  if (outcome.unsupported.length > 0) {
    explainProblems(loaded, outcome.unsupported, stderr, lang);
    return 2;
  }
  const report = printer(stderr, lang);
  for (const line of duckdbSummary(outcome, out)) report(line);
  return outcome.failed > 0 ? 1 : 0;
}
