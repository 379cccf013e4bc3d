import { extname } from 'node:path';
import type { Writable } from 'node:stream';
import {
  exportJdm,
  exportJsModule,
  exportJsonRulesEngine,
  exportSql,
  type Problem,
} from '../../engine/index.ts';
import { exportDmn } from '../../engine/interop/dmn/index.ts';
import { choice } from '../args.ts';
import type { Command } from '../command.ts';
import { pick, usageError, type Lang } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';
import { pathLocator, place } from '../locate.ts';
import { openSink } from '../sink.ts';
import { compileOrExplain } from './compile.ts';

/** What a target cannot express, located in the pack file, on stderr; whether any is an error. */
export function explainProblems(
  loaded: { path: string; text: string },
  problems: Problem[],
  stderr: Writable,
  lang: Lang,
): boolean {
  const locate = pathLocator(loaded.text);
  for (const p of problems)
    stderr.write(
      `${place(loaded.path, locate(p.path))} ${p.severity} ${p.path}: ${pick(p.message, lang)}\n`,
    );
  return problems.some((p) => p.severity === 'error');
}

/** Writes `text` whole to `out` (or stdout), or leaves `out` as it was. */
async function writeWhole(out: string | undefined, text: string): Promise<void> {
  const sink = await openSink(out);
  try {
    await sink.write(text);
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

/** `decision.mjs` -> `decision.d.mts`, `decision.js` -> `decision.d.ts`. */
function declarationsFile(out: string): string {
  const ext = extname(out);
  const stem = ext ? out.slice(0, -ext.length) : out;
  return `${stem}${ext === '.mjs' ? '.d.mts' : ext === '.cjs' ? '.d.cts' : '.d.ts'}`;
}

export const exportCommand: Command = {
  name: 'export',
  spec: { positionals: ['PACK'], options: { to: true, out: true, dialect: true } },
  usage:
    'export PACK --to json-rules-engine|jdm|dmn|js|sql [--dialect duckdb|postgres] [--out FILE]',
  summary: {
    'zh-CN':
      '把规则节点导出为 json-rules-engine 规则集，或把整个决策图导出为 GoRules JDM（无法表达的部分列在 stderr，退出码 1），或把决策表、分级分段与匹配矩阵导出为 DMN 决策表（--to dmn），或导出为独立的 JS 模块（--to js，--out 旁另写 .d.ts），或导出为一条 SQL 查询（--to sql --dialect duckdb|postgres）',
    en: 'export the rules nodes as json-rules-engine rule sets, or the whole graph as GoRules JDM (what JDM cannot express is listed on stderr, exit 1), or the tables, classify bands and match matrices as DMN decision tables (--to dmn), or the whole decision as a standalone JS module (--to js, with a .d.ts beside --out) or one SQL query (--to sql --dialect duckdb|postgres)',
  },
  async run({ positionals, options, stderr, lang }) {
    const [file] = positionals as [string];
    const target = choice(options, 'to', ['json-rules-engine', 'jdm', 'dmn', 'js', 'sql'] as const);
    if (!target)
      throw usageError(
        'export 需要 --to json-rules-engine、jdm、dmn、js 或 sql',
        'export needs --to json-rules-engine, jdm, dmn, js or sql',
      );
    const out = typeof options.out === 'string' ? options.out : undefined;
    const loaded = await loadPack(file);
    // What the target cannot express, located in the pack file, on stderr.
    const explain = (unsupported: Problem[]) => explainProblems(loaded, unsupported, stderr, lang);
    if (target === 'js') {
      const { js, dts } = exportJsModule(compileOrExplain(loaded));
      if (out) await writeWhole(declarationsFile(out), dts);
      await writeWhole(out, js);
      return 0;
    }
    if (target === 'sql') {
      const dialect = choice(options, 'dialect', ['duckdb', 'postgres'] as const) ?? 'duckdb';
      const { sql, unsupported } = exportSql(compileOrExplain(loaded).pack, dialect);
      const failed = explain(unsupported);
      await writeWhole(out, `${sql};\n`);
      return failed ? 1 : 0;
    }
    let exported: unknown;
    let failed = false;
    if (target === 'dmn') {
      const dmn = exportDmn(loaded.pack);
      const locate = pathLocator(loaded.text);
      for (const p of dmn.unsupported)
        stderr.write(
          `${place(loaded.path, locate(p.path))} info ${p.path}: ${pick(p.message, lang)}\n`,
        );
      exported = dmn.xml;
    } else if (target === 'jdm') {
      const { jdm, unsupported } = exportJdm(loaded.pack);
      failed = explain(unsupported);
      exported = jdm;
    } else exported = exportJsonRulesEngine(loaded.pack);
    await writeWhole(
      out,
      typeof exported === 'string' ? exported : `${JSON.stringify(exported, null, 2)}\n`,
    );
    return failed ? 1 : 0;
  },
};
