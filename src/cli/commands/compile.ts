import { compilePack, PackInvalidError, type CompiledPack } from '../../engine/index.ts';
import { UserError, type Lang, pick } from '../i18n.ts';
import type { LoadedPack } from '../loadPack.ts';
import { pathLocator, place } from '../locate.ts';

/** A pack the engine refuses, with its problems located in the file. */
class InvalidPackError extends UserError {
  constructor(
    private readonly loaded: LoadedPack,
    private readonly problems: PackInvalidError['problems'],
  ) {
    const n = problems.filter((p) => p.severity === 'error').length;
    super({
      'zh-CN': `${loaded.path}：规则包有 ${n} 个错误，无法运行（用 validate 查看全部问题）`,
      en: `${loaded.path}: the pack has ${n} error(s) and cannot run (see validate for every problem)`,
    });
  }
  override lines(lang: Lang): string[] {
    const locate = pathLocator(this.loaded.text);
    return [
      ...super.lines(lang),
      ...this.problems
        .filter((p) => p.severity === 'error')
        .map(
          (p) => `  ${place(this.loaded.path, locate(p.path))} ${p.path}: ${pick(p.message, lang)}`,
        ),
    ];
  }
}

/** Compiles a loaded pack, turning the engine's refusal into a located user error. */
export function compileOrExplain(loaded: LoadedPack): CompiledPack {
  try {
    return compilePack(loaded.pack);
  } catch (e) {
    if (e instanceof PackInvalidError) throw new InvalidPackError(loaded, e.problems);
    throw e;
  }
}
