import { lt, VERDICTS, type NodeOfKind, type Pack, type Verdict } from '../../domain/index.ts';
import type { Problem } from '../types.ts';
import { problem } from '../validateContext.ts';
import type { createConditionLinter } from './lintConditions.ts';

const severity = (v: Verdict | undefined) => (v === undefined ? undefined : VERDICTS.indexOf(v));

/**
 * Matching matrices must be monotone: a client of a higher level is allowed at least what a
 * lower level is (CSRC Art. 18-19: the higher the tolerance, the wider the match), so a row that
 * is stricter than a row below it is an error. A riskier product that is more permitted than a
 * safer one for the same client is suspicious, not wrong (a warning). Condition dimensions that
 * can never hold always fail.
 */
export function lintMatch(
  pack: Pack,
  node: NodeOfKind<'match'>,
  at: string,
  lintCondition: ReturnType<typeof createConditionLinter>,
): Problem[] {
  const out: Problem[] = [];
  const levelsOf = (scale: string | undefined) =>
    pack.vocabulary.scales.find((s) => s.id === scale)?.levels.map((l) => l.id) ?? [];
  const risks = levelsOf(pack.products.riskScale);
  node.config.dimensions.forEach((d, di) => {
    const where = `${at}.config.dimensions[${di}]`;
    if (d.kind === 'condition') {
      const found = lintCondition(d.when, `${where}.when`);
      if (found.never)
        out.push(
          problem(
            'lint.condition.neverTrue',
            found.never.path,
            lt(
              `匹配维度“${d.id}”的条件永远不成立，所有产品在此维度都不通过：${found.never.reason['zh-CN']}`,
              `the condition of match dimension "${d.id}" never holds, so every product fails it: ${found.never.reason.en}`,
            ),
            'warning',
            node.id,
          ),
        );
      return;
    }
    if (d.kind !== 'matrix') return;
    const clients = levelsOf(d.clientScale);
    const cell = (client: string, risk: string) => severity(d.cells[client]?.[risk]);
    for (let i = 1; i < clients.length; i++) {
      const lower = clients[i - 1] as string;
      const higher = clients[i] as string;
      for (const risk of risks) {
        const a = cell(lower, risk);
        const b = cell(higher, risk);
        if (a !== undefined && b !== undefined && b > a)
          out.push(
            problem(
              'lint.matrix.notMonotone',
              `${where}.cells.${higher}.${risk}`,
              lt(
                `矩阵不单调：较高级别 ${higher} 对 ${risk} 为“${d.cells[higher]?.[risk]}”，比较低级别 ${lower} 的“${d.cells[lower]?.[risk]}”更严`,
                `matrix not monotone: the higher level ${higher} gets "${d.cells[higher]?.[risk]}" for ${risk}, stricter than "${d.cells[lower]?.[risk]}" for the lower level ${lower}`,
              ),
              'error',
              node.id,
            ),
          );
      }
    }
    for (const client of clients)
      for (let j = 1; j < risks.length; j++) {
        const safer = risks[j - 1] as string;
        const riskier = risks[j] as string;
        const a = cell(client, safer);
        const b = cell(client, riskier);
        if (a !== undefined && b !== undefined && b < a)
          out.push(
            problem(
              'lint.matrix.riskierLooser',
              `${where}.cells.${client}.${riskier}`,
              lt(
                `级别 ${client} 对风险更高的 ${riskier}（“${d.cells[client]?.[riskier]}”）比对 ${safer}（“${d.cells[client]?.[safer]}”）更宽松`,
                `level ${client} is treated more leniently for the riskier ${riskier} ("${d.cells[client]?.[riskier]}") than for ${safer} ("${d.cells[client]?.[safer]}")`,
              ),
              'warning',
              node.id,
            ),
          );
      }
  });
  return out;
}
