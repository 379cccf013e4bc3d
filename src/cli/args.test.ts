import { describe, expect, it } from 'vitest';
import { choice, parseArgs, type CommandSpec } from './args.ts';
import { langFromEnv, UserError } from './i18n.ts';

const specs: Record<string, CommandSpec> = {
  evaluate: { positionals: ['PACK'], options: { input: true, trace: false } },
};

describe('parseArgs', () => {
  it('reads positionals, valued options in both spellings, and switches', () => {
    expect(
      parseArgs(['evaluate', 'p.json', '--input', 'c.csv', '--trace', '--lang=en'], specs),
    ).toEqual({
      command: 'evaluate',
      positionals: ['p.json'],
      options: { input: 'c.csv', trace: true, lang: 'en' },
      lang: 'en',
      help: false,
    });
    expect(parseArgs(['evaluate', '--input=c.csv', 'p.json'], specs).options.input).toBe('c.csv');
  });

  it('turns mistakes into usage errors (exit 2) in both languages', () => {
    const cases = [
      ['nope'],
      ['evaluate'],
      ['evaluate', 'a', 'b'],
      ['evaluate', 'p', '--bogus'],
      ['evaluate', 'p', '--input'],
      ['evaluate', 'p', '--trace=yes'],
      ['evaluate', 'p', '--lang', 'de'],
      // Names of Object.prototype are neither commands nor options.
      ['toString', 'x'],
      ['constructor'],
      ['__proto__'],
      ['hasOwnProperty', 'x'],
      ['evaluate', 'p', '--constructor', 'x'],
      ['evaluate', 'p', '--toString=x'],
      ['evaluate', 'p', '--__proto__', 'x'],
    ];
    for (const argv of cases) {
      let error: unknown;
      try {
        parseArgs(argv, specs);
      } catch (e) {
        error = e;
      }
      expect(error, argv.join(' ')).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).text['zh-CN']).not.toBe('');
    }
  });

  it('knows help and version without a command spec', () => {
    expect(parseArgs([], specs).command).toBe('help');
    expect(parseArgs(['--version'], specs).command).toBe('version');
    expect(parseArgs(['evaluate', '--help'], specs).help).toBe(true);
  });

  it('checks choices', () => {
    expect(choice({ format: 'csv' }, 'format', ['csv', 'jsonl'])).toBe('csv');
    expect(() => choice({ format: 'xml' }, 'format', ['csv', 'jsonl'])).toThrow(/csv \| jsonl/);
  });
});

describe('langFromEnv', () => {
  it('picks Chinese from a zh locale and English otherwise', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });
});
