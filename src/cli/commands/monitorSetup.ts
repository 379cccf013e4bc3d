import { DateSchema, ScenarioSchema, type Pack, type Scenario } from '../../domain/index.ts';
import { applyScenario, windowEndOf } from '../../engine/index.ts';
import type { ParsedArgs } from '../args.ts';
import { UserError, usageError } from '../i18n.ts';
import { readText } from '../loadPack.ts';

const text = (options: ParsedArgs['options'], name: string) => {
  const v = options[name];
  if (v === true) throw usageError(`--${name} 需要一个值`, `--${name} needs a value`);
  return v;
};

/** `--as-of` (default: today, UTC) and `--within` (default 30d) as the dates of a run. */
export function monitorDates(options: ParsedArgs['options'], today: string) {
  const asOf = text(options, 'as-of') ?? today;
  if (!DateSchema.safeParse(asOf).success)
    throw usageError(
      `--as-of 应为 YYYY-MM-DD，收到 "${asOf}"`,
      `--as-of must be YYYY-MM-DD, got "${asOf}"`,
    );
  const within = text(options, 'within') ?? '30d';
  const windowEnd = windowEndOf(asOf, within);
  if (windowEnd === undefined)
    throw usageError(
      `--within 应为天数、周数、月数或年数，如 30d、6w、3m、1y，收到 "${within}"`,
      `--within must be days, weeks, months or years such as 30d, 6w, 3m, 1y, got "${within}"`,
    );
  return { asOf, within, windowEnd };
}

/**
 * `--scenario NAME|FILE`: a scenario saved with the pack (by id), or a JSON file holding one.
 * Returns the scenario and the pack as it would rate products.
 */
export async function resolveScenario(
  value: string | undefined,
  pack: Pack,
): Promise<{ scenario: Scenario; pack: Pack } | undefined> {
  if (value === undefined) return undefined;
  let scenario = pack.scenarios?.find((s) => s.id === value);
  if (!scenario && /\.json$/i.test(value)) {
    const raw = await readText(value);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new UserError({
        'zh-CN': `${value}：JSON 语法错误`,
        en: `${value}: JSON syntax error`,
      });
    }
    const parsed = ScenarioSchema.safeParse(json);
    if (!parsed.success)
      throw new UserError({
        'zh-CN': `${value}：不是有效的市场情景：${parsed.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`).join('; ')}`,
        en: `${value}: not a valid market scenario: ${parsed.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`).join('; ')}`,
      });
    scenario = parsed.data;
  }
  if (!scenario) {
    const known = (pack.scenarios ?? []).map((s) => s.id).join(', ') || '-';
    throw usageError(
      `规则包中没有情景 "${value}"，也不是 .json 文件（已有：${known}）`,
      `no scenario "${value}" in the pack, and not a .json file (the pack has: ${known})`,
    );
  }
  const out = applyScenario(pack, scenario);
  if (!out.ok)
    throw new UserError({
      'zh-CN': `情景 ${scenario.id}：${out.problems.map((p) => `${p.path}: ${p.message['zh-CN']}`).join('; ')}`,
      en: `scenario ${scenario.id}: ${out.problems.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`,
    });
  return { scenario, pack: out.pack };
}
