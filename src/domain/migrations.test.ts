import { describe, expect, it } from 'vitest';
import { migratePack, PACK_MIGRATIONS, type PackMigration } from './migrations.ts';
import { PACK_FORMAT_VERSION } from './pack.ts';

// A step as a future format change would register it: version 1 named the catalogue `catalog`.
const renameCatalogue: PackMigration = {
  from: 1,
  describe: 'rename catalog to products',
  up: ({ catalog, ...rest }) => ({ ...rest, products: catalog }),
};

describe('migratePack', () => {
  it('leaves a current document as it is', () => {
    const doc = { formatVersion: PACK_FORMAT_VERSION, id: 'x' };
    expect(migratePack(doc)).toEqual({ ok: true, value: doc, from: 1, applied: [] });
  });

  it('runs registered steps up to the target version', () => {
    const doc = { formatVersion: 1, catalog: { items: [] } };
    const result = migratePack(doc, [renameCatalogue], 2);
    expect(result).toEqual({
      ok: true,
      value: { formatVersion: 2, products: { items: [] } },
      from: 1,
      applied: ['rename catalog to products'],
    });
    // The input is not touched: a failed load must not half-migrate the caller's object.
    expect(doc).toEqual({ formatVersion: 1, catalog: { items: [] } });
  });

  it('refuses a version newer than it knows, in both languages', () => {
    const result = migratePack({ formatVersion: PACK_FORMAT_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('format.tooNew');
    expect(result.message.en).toMatch(/newer than this tool understands/);
    expect(result.message['zh-CN']).toMatch(/升级/);
  });

  it('reports a gap in the chain and a malformed version', () => {
    expect(migratePack({ formatVersion: 0 }, PACK_MIGRATIONS, 1)).toMatchObject({
      ok: false,
      code: 'format.noMigration',
    });
    expect(migratePack({ formatVersion: '1' })).toMatchObject({
      ok: false,
      code: 'format.version',
    });
  });

  it('passes documents without a version to the schema', () => {
    expect(migratePack([1])).toMatchObject({ ok: true, value: [1] });
    expect(migratePack({ id: 'x' })).toMatchObject({ ok: true, value: { id: 'x' } });
  });
});
