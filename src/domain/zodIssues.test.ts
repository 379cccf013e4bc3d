import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DESCRIBED_PARSE, describeIssues, nearestName } from './zodIssues.ts';
import { IdSchema } from './ids.ts';
import { FactConditionSchema } from './conditions.ts';
import { TableConfigSchema } from './graph.ts';

/** The problems zod finds in `value`, as parsePack would report them. */
function problems(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value, DESCRIBED_PARSE);
  if (result.success) throw new Error('expected a failure');
  return describeIssues(result.error.issues, ['root']);
}

describe('describeIssues', () => {
  it('says sizes and bounds in both languages', () => {
    const schema = z.object({
      list: z.array(z.number()).max(2),
      name: z.string().min(3),
      n: z.number().int().positive(),
      pair: z.array(z.string()).length(2),
    });
    const found = problems(schema, { list: [1, 2, 3], name: 'ab', n: 0, pair: ['x'] });
    expect(found.map((p) => [p.path, p.message.en])).toEqual([
      ['$.root.list', 'expected at most 2 items'],
      ['$.root.name', 'expected at least 3 characters'],
      ['$.root.n', 'expected a number > 0, got 0'],
      ['$.root.pair', 'expected exactly 2 items'],
    ]);
    expect(found.map((p) => p.message['zh-CN'])).toEqual([
      '应有至多 2 项',
      '长度应至少 3 个字符',
      '数值应大于 0，实际为 0',
      '应有恰好 2 项',
    ]);
  });

  it('names unknown fields of strict objects and bad record keys', () => {
    const [unknown] = problems(FactConditionSchema, {
      fact: 'age',
      operator: 'equal',
      value: 1,
      extra: true,
    });
    expect(unknown).toMatchObject({
      code: 'unknownKey',
      path: '$.root.extra',
      message: { en: 'unknown field "extra"', 'zh-CN': '未知字段 "extra"' },
    });
    const found = problems(FactConditionSchema, { fact: 'age', operater: 'equal', value: 1 });
    expect(found.find((p) => p.code === 'unknownKey')).toMatchObject({
      path: '$.root.operater',
      message: {
        en: 'unknown field "operater"; did you mean "operator"?',
        'zh-CN': '未知字段 "operater"，是否应为 "operator"？',
      },
    });
    const [key] = problems(z.record(IdSchema, z.number()), { 'a.b': 1 });
    expect(key?.path).toBe('$.root["a.b"]');
    expect(key?.message.en).toBe(
      'invalid key "a.b": expected letters, digits, "_" or "-", starting with a letter or digit, got "a.b"',
    );
  });

  it('suggests a near name only for a near miss', () => {
    const known = ['onFail', 'assessmentDate', 'id', 'to'];
    expect(nearestName('onfail', known)).toBe('onFail');
    expect(nearestName('assesmentDate', known)).toBe('assessmentDate');
    expect(nearestName('assessmnetDate', known)).toBe('assessmentDate');
    expect(nearestName('ix', known)).toBeUndefined();
    expect(nearestName('weight', known)).toBeUndefined();
  });

  it('translates the messages our schemas write, and keeps unknown ones', () => {
    const table = {
      hitPolicy: 'first',
      inputs: [{ id: 'a', label: { 'zh-CN': 'a', en: 'a' }, type: 'number', ref: 'x' }],
      outputs: [{ id: 'b', label: { 'zh-CN': 'b', en: 'b' }, type: 'string' }],
      rows: [{ id: 'r1', inputs: ['-', '-'], outputs: ['x'] }],
    };
    const [cells] = problems(TableConfigSchema, table);
    expect(cells).toMatchObject({
      path: '$.root.rows[0].inputs',
      message: { en: 'expected 1 input cells, got 2', 'zh-CN': '应有 1 个输入单元格，实际 2 个' },
    });
    const [custom] = problems(
      z.string().refine(() => false, 'must be shiny'),
      'x',
    );
    expect(custom?.message).toEqual({ en: 'must be shiny', 'zh-CN': '不符合要求：must be shiny' });
  });

  it('says what a missing discriminator may be', () => {
    const schema = z.discriminatedUnion('type', [
      z.object({ type: z.literal('a') }),
      z.object({ type: z.literal('b') }),
    ]);
    const [missing] = problems(schema, {});
    expect(missing?.message.en).toBe('missing "type"; allowed: "a", "b"');
    expect(missing?.message['zh-CN']).toBe('缺少 "type"，允许的取值："a", "b"');
  });
});
