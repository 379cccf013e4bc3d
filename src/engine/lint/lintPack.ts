import { lt, type Pack } from '../../domain/index.ts';
import type { Problem } from '../types.ts';
import { problem } from '../validateContext.ts';
import { validatePack } from '../validatePack.ts';
import { lintBands } from './lintBands.ts';
import {
  lintQuestionnaires,
  lintQuestions,
  lintProducts,
  lintTranslations,
} from './lintContent.ts';
import { createConditionLinter } from './lintConditions.ts';
import { lintMatch } from './lintMatch.ts';
import { lintTable } from './lintTables.ts';
import { createRangeFinder } from './valueRange.ts';

/**
 * Lint: what a schema-valid pack that compiles can still get wrong — gaps and overlaps in bands
 * and decision tables, rules that can never fire, matrices that are not monotone, unused
 * questionnaires, questions that score nothing, products on undefined scales, missing
 * translations. Each finding has a stable `lint.*` code, a severity, a JSON path, its node and a
 * message in zh-CN and en. Errors block publishing; warnings are for a reviewer to read.
 * What validation already reports (unknown levels, tests naming unknown products...) is not
 * repeated: `checkPack` gives both.
 *
 * @example
 * for (const p of lintPack(pack)) console.log(p.severity, p.code, p.path, p.message.en);
 * // error lint.band.gap $.graph.nodes[5].config.bands[2].min gap between band C2 (up to 36) and C3 (from 40)...
 */
export function lintPack(pack: Pack): Problem[] {
  const out: Problem[] = [];
  const rangeOf = createRangeFinder(pack);
  const lintCondition = createConditionLinter(pack);
  pack.graph.nodes.forEach((node, i) => {
    const at = `$.graph.nodes[${i}]`;
    switch (node.kind) {
      case 'classify':
        out.push(...lintBands(pack, node, at, rangeOf(node.config.input)));
        break;
      case 'table':
        out.push(...lintTable(pack, node, at, rangeOf));
        break;
      case 'match':
        out.push(...lintMatch(pack, node, at, lintCondition));
        break;
      case 'rules':
        node.config.rules.forEach((rule, j) => {
          const found = lintCondition(rule.conditions, `${at}.config.rules[${j}].conditions`);
          if (found.never)
            out.push(
              problem(
                'lint.rule.neverFires',
                found.never.path,
                lt(
                  `规则“${rule.name}”永远不会触发：${found.never.reason['zh-CN']}`,
                  `rule "${rule.name}" can never fire: ${found.never.reason.en}`,
                ),
                'error',
                node.id,
              ),
            );
          for (const dead of found.deadBranches)
            out.push(
              problem(
                'lint.condition.neverTrue',
                dead.path,
                lt(
                  `规则“${rule.name}”中此分支永远不成立：${dead.reason['zh-CN']}`,
                  `this branch of rule "${rule.name}" never holds: ${dead.reason.en}`,
                ),
                'warning',
                node.id,
              ),
            );
        });
        break;
      default:
        break;
    }
  });
  out.push(
    ...lintQuestionnaires(pack),
    ...lintQuestions(pack),
    ...lintProducts(pack),
    ...lintTranslations(pack),
  );
  return out;
}

/** Validation codes that lint reports more precisely (it knows the score range and integrality). */
const SUPERSEDED = new Set(['band.gap', 'band.overlap']);

/**
 * Everything a reviewer or a publish gate needs: validation problems, then lint findings.
 * Validation's own band warnings give way to lint's, which know which scores can occur.
 *
 * @example
 * const blocking = checkPack(pack).filter((p) => p.severity === 'error');
 */
export function checkPack(pack: Pack): Problem[] {
  const validation = validatePack(pack);
  const kept = validation.filter((p) => !SUPERSEDED.has(p.code));
  if (!validation.some((p) => p.severity === 'error')) return [...kept, ...lintPack(pack)];
  // Lint assumes what validation checks (a scale exists, a node's kind fits its use). When
  // validation already failed, lint adds what it can, and its own stumbles add nothing.
  try {
    return [...kept, ...lintPack(pack)];
  } catch {
    return validation;
  }
}
