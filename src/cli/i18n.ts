import type { LocalizedText } from '../domain/index.ts';

export type Lang = 'zh-CN' | 'en';

/** The locale from `--lang`, else from LC_ALL / LC_MESSAGES / LANG (`zh_CN.UTF-8` -> zh-CN). */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(value) ? 'zh-CN' : 'en';
}

export function pick(text: LocalizedText, lang: Lang): string {
  return (lang === 'en' ? text.en : text['zh-CN']) || text.en;
}

/**
 * A problem the person running the command can fix (bad file, bad flag): printed as one localized
 * line, never as a stack trace. `exitCode` 2 is a usage error, 1 a failed check or bad input.
 */
export class UserError extends Error {
  readonly text: LocalizedText;
  readonly exitCode: 1 | 2;
  constructor(text: LocalizedText, exitCode: 1 | 2 = 1) {
    super(text.en);
    this.name = 'UserError';
    this.text = text;
    this.exitCode = exitCode;
  }
  /** What to print on stderr. */
  lines(lang: Lang): string[] {
    return [pick(this.text, lang)];
  }
}

export const usageError = (zh: string, en: string) => new UserError({ 'zh-CN': zh, en }, 2);
