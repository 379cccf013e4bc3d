import type { Pack } from '../../domain/index.ts';
import { NO_PROBLEMS } from './packState.ts';
import type { Problem } from './types.ts';

/** The pack's problems, computed once per pack value (edits make new values). */
export function problemCache(
  validate: ((pack: Pack) => Problem[]) | undefined,
): (pack: Pack | null) => readonly Problem[] {
  const cache = new WeakMap<Pack, readonly Problem[]>();
  return (pack) => {
    if (!pack || !validate) return NO_PROBLEMS;
    let problems = cache.get(pack);
    if (!problems) {
      problems = validate(pack);
      cache.set(pack, problems);
    }
    return problems;
  };
}
