import { usageError, type Lang } from './i18n.ts';

/** What a command accepts: its positional names and its options (`true` = takes a value). */
export type CommandSpec = {
  positionals: string[];
  options: Record<string, boolean>;
};

export type ParsedArgs = {
  command: string;
  positionals: string[];
  options: Record<string, string | true>;
  lang: Lang | undefined;
  help: boolean;
};

const GLOBAL_OPTIONS: Record<string, boolean> = { lang: true, help: false };

/**
 * `suitability <command> [positionals] [--flag] [--name value | --name=value]`.
 * Unknown flags and missing or extra positionals are usage errors (exit 2), reported in both
 * languages because the language flag may be the thing that is wrong.
 */
export function parseArgs(argv: readonly string[], specs: Record<string, CommandSpec>): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return { command: 'help', positionals: [], options: {}, lang: langOf(rest), help: true };
  if (command === '--version' || command === '-v')
    return { command: 'version', positionals: [], options: {}, lang: undefined, help: false };
  // Own properties only: `toString` or `constructor` must not find Object.prototype's.
  const spec = Object.hasOwn(specs, command) ? specs[command] : undefined;
  if (!spec)
    throw usageError(
      `未知命令 "${command}"，可用命令：${Object.keys(specs).join(', ')}`,
      `unknown command "${command}"; commands: ${Object.keys(specs).join(', ')}`,
    );
  const allowed = { ...GLOBAL_OPTIONS, ...spec.options };
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const takesValue = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
    if (takesValue === undefined)
      throw usageError(`${command} 不支持选项 --${name}`, `${command} has no option --${name}`);
    if (!takesValue) {
      if (eq !== -1) throw usageError(`--${name} 不接受取值`, `--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
      throw usageError(`--${name} 需要一个取值`, `--${name} needs a value`);
    options[name] = value;
  }
  const help = options.help === true;
  // A last positional named `NAME...` takes one or more arguments.
  const variadic = spec.positionals.at(-1)?.endsWith('...') === true;
  const countOk = variadic
    ? positionals.length >= spec.positionals.length
    : positionals.length === spec.positionals.length;
  if (!help && !countOk)
    throw usageError(
      `用法：suitability ${command} ${spec.positionals.join(' ')}（收到 ${positionals.length} 个参数）`,
      `usage: suitability ${command} ${spec.positionals.join(' ')} (got ${positionals.length} argument${positionals.length === 1 ? '' : 's'})`,
    );
  const lang = options.lang;
  if (lang !== undefined && lang !== 'zh-CN' && lang !== 'en')
    throw usageError(
      `--lang 应为 zh-CN 或 en，收到 "${String(lang)}"`,
      `--lang must be zh-CN or en, got "${String(lang)}"`,
    );
  return { command, positionals, options, lang, help };
}

function langOf(rest: readonly string[]): Lang | undefined {
  const i = rest.indexOf('--lang');
  const value = i === -1 ? rest.find((a) => a.startsWith('--lang='))?.slice(7) : rest[i + 1];
  return value === 'zh-CN' || value === 'en' ? value : undefined;
}

/** A string option restricted to a set of values. */
export function choice<T extends string>(
  options: ParsedArgs['options'],
  name: string,
  values: readonly T[],
): T | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw usageError(
    `--${name} 应为 ${values.join(' | ')}，收到 "${String(value)}"`,
    `--${name} must be ${values.join(' | ')}, got "${String(value)}"`,
  );
}
