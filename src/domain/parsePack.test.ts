import { describe, expect, it } from 'vitest';
import miniPack from './fixtures/miniPack.json' with { type: 'json' };
import { formatPackError, parsePack, stampPackHash, verifyPackHash } from './parsePack.ts';
import { hashPack } from './hash.ts';
import { PACK_FORMAT_VERSION } from './pack.ts';

const text = JSON.stringify(miniPack, null, 2);
const clone = (): Record<string, unknown> => structuredClone(miniPack) as Record<string, unknown>;

function errorsOf(raw: unknown) {
  const result = parsePack(raw, 'pack.json');
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.errors;
}

describe('parsePack', () => {
  it('accepts a valid pack from text or from a value, filling defaults', () => {
    const fromText = parsePack(text);
    const fromValue = parsePack(clone());
    expect(fromText.ok && fromValue.ok).toBe(true);
    if (!fromText.ok || !fromValue.ok) return;
    expect(fromText.pack).toEqual(fromValue.pack);
    expect(fromText.pack.changelog).toEqual([]);
    expect(fromText.pack.products.items[0]?.complex).toBe(false);
  });

  it('gives line and column of a JSON syntax error', () => {
    const broken = text.replace('"version": "1.0.0",', '"version": "1.0.0"');
    const [error] = errorsOf(broken);
    const line = broken.split('\n').findIndex((l) => l.includes('"title"')) + 1;
    expect(error).toMatchObject({
      code: 'json.syntax',
      path: '$',
      source: 'pack.json',
      line,
      column: 3,
    });
    expect(error?.message.en).toMatch(/expected "," or "}"/);
    expect(error?.message['zh-CN']).toMatch(/JSON 语法错误/);
    expect(errorsOf('{"a": tru}')[0]).toMatchObject({ line: 1, column: 7 });
    expect(errorsOf('{"a": "x\n"}')[0]?.message.en).toMatch(/unterminated string/);
  });

  it('names the JSON path, the line and the allowed kinds of a bad node', () => {
    const broken = text.replace('"kind": "classify"', '"kind": "classifier"');
    const [error] = errorsOf(broken);
    expect(error?.path).toBe('$.graph.nodes[2].kind');
    expect(error?.code).toBe('discriminator');
    expect(error?.message.en).toMatch(
      /unknown kind "classifier"; allowed: "input", "questionnaire"/,
    );
    expect(error?.message['zh-CN']).toMatch(/未知的 kind "classifier"/);
    const line = broken.split('\n').findIndex((l) => l.includes('"classifier"')) + 1;
    expect(error?.line).toBe(line);
  });

  it('explains types, missing fields, enums, lengths and formats in both languages', () => {
    const pack = clone() as {
      graph: { nodes: Record<string, unknown>[] };
      status: string;
      id: string;
    };
    pack.status = 'live';
    pack.id = 'Mini Pack';
    const classify = pack.graph.nodes[2] as { config: Record<string, unknown> };
    classify.config.bands = [];
    delete classify.config.scale;
    const errors = errorsOf(pack);
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(byPath['$.status']?.message.en).toBe(
      'invalid value "live"; allowed: "draft", "in-review", "approved", "published", "retired"',
    );
    expect(byPath['$.id']?.message['zh-CN']).toMatch(/格式错误：应为小写字母/);
    expect(byPath['$.graph.nodes[2].config.bands']?.message.en).toBe('expected at least 1 item');
    expect(byPath['$.graph.nodes[2].config.scale']).toMatchObject({
      code: 'required',
      expected: 'a string',
      message: { 'zh-CN': '缺少必填项，应为字符串' },
    });
    for (const e of errors) expect(formatPackError(e, 'en')).toMatch(/^pack\.json \$\./);
  });

  it('follows the closest branch of a plain union', () => {
    const pack = clone() as { graph: { nodes: unknown[] } };
    pack.graph.nodes.push({
      id: 'r',
      kind: 'rules',
      config: {
        rules: [
          {
            name: 'adult',
            conditions: { all: [{ fact: 'age', operator: 'gte', value: 18 }] },
            event: { type: 'flag', params: { name: 'adult' } },
          },
        ],
      },
    });
    const [error] = errorsOf(pack);
    expect(error?.path).toBe('$.graph.nodes[5].config.rules[0].conditions.all[0].operator');
    expect(error?.message.en).toMatch(/^invalid value "gte"; allowed: "equal"/);
  });

  it('lists the types a plain union accepts', () => {
    const pack = clone() as { products: { items: { attributes?: unknown }[] } };
    (pack.products.items[0] as { attributes?: unknown }).attributes = { sri: { level: 3 } };
    const [error] = errorsOf(pack);
    expect(error?.path).toBe('$.products.items[0].attributes.sri');
    expect(error?.message.en).toBe(
      'expected one of a string, a number, a boolean (true/false), an array, got an object',
    );
    expect(error?.message['zh-CN']).toMatch(/^类型错误：应为字符串、数字/);
  });

  it('rejects a format version newer than it knows', () => {
    const [error] = errorsOf({ ...clone(), formatVersion: PACK_FORMAT_VERSION + 1 });
    expect(error).toMatchObject({ code: 'format.tooNew', path: '$.formatVersion' });
  });

  it('rejects reserved names in ids and paths', () => {
    const pack = clone() as { graph: { nodes: { id: string }[] } };
    (pack.graph.nodes[0] as { id: string }).id = '__proto__';
    expect(errorsOf(pack).map((e) => e.message.en)).toContain('reserved name');
  });
});

describe('pack hash', () => {
  it('stamps and verifies, and notices a change', () => {
    const result = parsePack(text);
    if (!result.ok) throw new Error('fixture must parse');
    expect(verifyPackHash(result.pack).status).toBe('missing');
    const stamped = stampPackHash(result.pack);
    expect(stamped.integrity?.hash).toBe(hashPack(result.pack));
    expect(verifyPackHash(stamped)).toEqual({ status: 'ok', hash: hashPack(result.pack) });
    const edited = { ...stamped, version: '1.0.1' };
    const check = verifyPackHash(edited);
    expect(check.status).toBe('mismatch');
    if (check.status === 'mismatch')
      expect(check.message.en).toMatch(/changed after it was stamped/);
  });

  it('does not depend on layout, key order or spelled-out defaults', () => {
    const a = parsePack(text);
    const b = parsePack(JSON.stringify({ ...clone(), changelog: [], status: 'draft' }));
    if (!a.ok || !b.ok) throw new Error('fixture must parse');
    expect(hashPack(a.pack)).toBe(hashPack(b.pack));
  });
});
