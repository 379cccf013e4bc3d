import type { Writable } from 'node:stream';
import type { LocalizedText } from '../domain/index.ts';
import type { CommandSpec, ParsedArgs } from './args.ts';
import { pick, type Lang } from './i18n.ts';

/** What a command gets: its arguments, the language, and where to write. */
export type CommandContext = {
  positionals: string[];
  options: ParsedArgs['options'];
  lang: Lang;
  stdout: Writable;
  stderr: Writable;
  /** A clock for timing nodes in traces; commands take no other time from the machine. */
  now: () => number;
  /** The environment (e.g. DATABASE_URL for `serve`). */
  env: NodeJS.ProcessEnv;
};

/** A command as data: one list drives dispatch and help. Returns the exit code. */
export type Command = {
  name: string;
  spec: CommandSpec;
  usage: string;
  summary: LocalizedText;
  run(ctx: CommandContext): Promise<number>;
};

/** Writes lines to a stream, in the context's language when given localized text. */
export function printer(stream: Writable, lang: Lang) {
  return (line: string | LocalizedText) => {
    stream.write(`${typeof line === 'string' ? line : pick(line, lang)}\n`);
  };
}
