import type { Writable } from 'node:stream';
import { parseArgs, type CommandSpec } from './args.ts';
import type { Command } from './command.ts';
import { langFromEnv, pick, UserError, type Lang } from './i18n.ts';
import { validateCommand } from './commands/validate.ts';
import { testCommand } from './commands/test.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { diffCommand } from './commands/diff.ts';
import { hashCommand } from './commands/hash.ts';
import { exportCommand } from './commands/exportPack.ts';
import { verifyCommand } from './commands/verify.ts';
import { tckCommand } from './commands/tck.ts';
import { importCommand } from './commands/importDmn.ts';
import { serveCommand } from './commands/serve.ts';
import { auditCommand } from './commands/audit.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { monitorCommand } from './commands/monitor.ts';

/** Every command; adding one is adding it here. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  testCommand,
  evaluateCommand,
  diffCommand,
  hashCommand,
  exportCommand,
  verifyCommand,
  importCommand,
  tckCommand,
  serveCommand,
  auditCommand,
  analyzeCommand,
  monitorCommand,
];

export const VERSION = '0.1.0';

function helpText(lang: Lang, only?: Command): string {
  const list = only ? [only] : COMMANDS;
  const lines = [
    lang === 'en'
      ? 'suitability: validate, test and run customer suitability rule packs'
      : 'suitability：校验、测试并运行客户适当性规则包',
    '',
    ...list.flatMap((c) => [`  suitability ${c.usage}`, `      ${pick(c.summary, lang)}`]),
    '',
    lang === 'en'
      ? 'Options for every command: --lang zh-CN|en (default from LANG), --help'
      : '所有命令可用：--lang zh-CN|en（默认取自 LANG）、--help',
    lang === 'en'
      ? 'Exit codes: 0 ok, 1 invalid pack / failed tests / bad rows, 2 usage error'
      : '退出码：0 成功，1 规则包无效 / 测试失败 / 有错误行，2 用法错误',
  ];
  return `${lines.join('\n')}\n`;
}

export type Io = { stdout: Writable; stderr: Writable; env: NodeJS.ProcessEnv; now: () => number };

/**
 * Runs the CLI and returns its exit code. Problems people can fix are printed as located,
 * localized lines without a stack trace; anything else is a bug and says so.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let lang: Lang = langFromEnv(io.env);
  try {
    const specs: Record<string, CommandSpec> = Object.fromEntries(
      COMMANDS.map((c) => [c.name, c.spec]),
    );
    const args = parseArgs(argv, specs);
    lang = args.lang ?? lang;
    if (args.command === 'version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === args.command);
    if (!command || args.help) {
      io.stdout.write(helpText(lang, command));
      return 0;
    }
    return await command.run({ positionals: args.positionals, options: args.options, lang, ...io });
  } catch (e) {
    if (e instanceof UserError) {
      for (const line of e.lines(lang)) io.stderr.write(`${line}\n`);
      if (e.exitCode === 2)
        io.stderr.write(lang === 'en' ? 'see suitability --help\n' : '参见 suitability --help\n');
      return e.exitCode;
    }
    // The reader of our output went away (`| head`): not an error of ours or theirs.
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    const detail = io.env.SUITABILITY_DEBUG ? String((e as Error).stack) : String(e);
    io.stderr.write(
      lang === 'en'
        ? `internal error (a bug, please report it): ${detail}\n`
        : `内部错误（这是缺陷，请报告）：${detail}\n`,
    );
    return 1;
  }
}
