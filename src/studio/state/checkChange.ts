import {
  PackSchema,
  describeIssues,
  formatPackError,
  parsePack,
  type LocalizedText,
  type Pack,
  type PackChange,
} from '../../domain/index.ts';

/** The top-level fields of the pack a change writes to, or `all` for a whole-document change. */
export function touchedFields(change: PackChange): Set<string> | 'all' {
  if (change.type === 'replace') return 'all';
  if (change.type === 'batch') {
    const fields = new Set<string>();
    for (const c of change.changes) {
      const inner = touchedFields(c);
      if (inner === 'all') return 'all';
      for (const f of inner) fields.add(f);
    }
    return fields;
  }
  const [head] = change.path;
  return head === undefined ? 'all' : new Set([String(head)]);
}

/**
 * Refusals the schema would word in its own terms (`$.graph.nodes: too small`), said as what the
 * user did and why it cannot be done.
 */
export function explainRefusal(next: Pack): LocalizedText | null {
  if (Array.isArray(next.graph?.nodes) && next.graph.nodes.length === 0)
    return {
      'zh-CN':
        '不能删除最后一个节点：规则包的决策图至少要有一个节点，评估才有起点。请先添加新节点再删除它；若不再需要这个规则包，请在工作区中删除整个规则包。',
      en: 'The last node cannot be deleted: a pack’s decision graph needs at least one node for an evaluation to start from. Add the new node first, then delete this one; to drop the whole pack, delete it in the workspace.',
    };
  return null;
}

const FIELDS = PackSchema.shape as Record<
  string,
  (typeof PackSchema.shape)[keyof typeof PackSchema.shape]
>;

/**
 * Checks the pack after `change` against the schema, and says what is wrong with the JSON path.
 * Only the fields the change wrote are parsed again: the pack schema has no cross-field rules, so
 * this gives the same answer as parsing the whole pack, at a fraction of the cost for a keystroke
 * in a large pack.
 */
export function checkChange(next: Pack, change: PackChange): LocalizedText | null {
  const refused = explainRefusal(next);
  if (refused) return refused;
  const fields = touchedFields(change);
  if (fields === 'all') {
    const parsed = parsePack(next);
    const first = parsed.ok ? undefined : parsed.errors[0];
    return first
      ? { 'zh-CN': formatPackError(first, 'zh-CN'), en: formatPackError(first, 'en') }
      : null;
  }
  for (const field of fields) {
    const schema = Object.hasOwn(FIELDS, field) ? FIELDS[field] : undefined;
    if (!schema)
      return {
        'zh-CN': `$.${field}：规则包没有这个字段`,
        en: `$.${field}: not a field of a pack`,
      };
    const result = schema.safeParse((next as Record<string, unknown>)[field]);
    if (!result.success) {
      const [problem] = describeIssues(result.error.issues, [field]);
      if (problem)
        return {
          'zh-CN': `${problem.path}: ${problem.message['zh-CN']}`,
          en: `${problem.path}: ${problem.message.en}`,
        };
    }
  }
  return null;
}
