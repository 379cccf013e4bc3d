import Papa from 'papaparse';
import {
  csvLine,
  ProductSchema,
  readCsvCell,
  lt,
  type LocalizedText,
  type Pack,
  type PackChange,
  type Product,
} from '../../../domain/index.ts';

/** The columns of a catalogue CSV, in the order export writes them. Extra `attr.<name>` columns. */
export const CSV_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'risk',
  'horizon',
  'variety',
  'complex',
  'tags',
] as const;

/** Header spellings people write, mapped to our columns. */
const ALIASES: Record<string, (typeof CSV_COLUMNS)[number]> = {
  id: 'id',
  产品代码: 'id',
  name_zh: 'name_zh',
  'name.zh-cn': 'name_zh',
  产品名称: 'name_zh',
  name_en: 'name_en',
  'name.en': 'name_en',
  name: 'name_en',
  risk: 'risk',
  风险等级: 'risk',
  horizon: 'horizon',
  期限: 'horizon',
  variety: 'variety',
  品种: 'variety',
  complex: 'complex',
  复杂产品: 'complex',
  tags: 'tags',
  标签: 'tags',
};

export type CsvScales = {
  risk: readonly string[];
  horizon?: readonly string[] | undefined;
  variety?: readonly string[] | undefined;
};

export type CsvRow =
  | { line: number; ok: true; product: Product; replaces: number | undefined }
  | { line: number; ok: false; id: string; errors: LocalizedText[] };

export type CsvImport = { rows: CsvRow[]; fileErrors: LocalizedText[] };

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '√']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '']);

/** Attribute cells: numbers and booleans as such, `a;b` as a list, else text. */
function attributeValue(cell: string): string | number | boolean | string[] {
  if (cell === 'true' || cell === 'false') return cell === 'true';
  if (/^-?\d+(\.\d+)?$/.test(cell)) return Number(cell);
  if (cell.includes(';'))
    return cell
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  return cell;
}

function splitList(cell: string): string[] {
  return cell
    .split(/[;|；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function levelError(column: string, value: string, levels: readonly string[]): LocalizedText {
  return lt(
    `${column} 列的“${value}”不在量表中（${levels.join(', ')}）`,
    `${column}: "${value}" is not on the scale (${levels.join(', ')})`,
  );
}

/** Lines where each record starts: papaparse reports offsets, people read line numbers. */
function lineAt(text: string, offset: number, from: { offset: number; line: number }): number {
  let line = from.line;
  for (let i = from.offset; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  from.offset = offset;
  from.line = line;
  return line;
}

/**
 * Reads a catalogue CSV into checked products. Rows whose id is already in the catalogue replace
 * that product; bad rows carry their line number and every reason, in both languages.
 */
export function parseProductsCsv(
  text: string,
  scales: CsvScales,
  existing: readonly Product[],
): CsvImport {
  const source = text.replace(/^\uFEFF/, '');
  const records: { cells: string[]; line: number }[] = [];
  const cursor = { offset: 0, line: 1 };
  let start = 0;
  Papa.parse<string[]>(source, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      // Skipped blank lines move the cursor too; find where this record's text begins.
      let begin = start;
      while (begin < source.length && /\s/.test(source[begin] ?? '')) begin++;
      records.push({ cells: result.data, line: lineAt(source, begin, cursor) });
      start = result.meta.cursor;
    },
  });
  const [header, ...body] = records;
  if (!header) return { rows: [], fileErrors: [lt('文件是空的', 'the file is empty')] };
  const columns = header.cells.map((h) => {
    const key = h.trim().toLowerCase();
    if (key.startsWith('attr.')) return h.trim();
    return ALIASES[key] ?? ALIASES[h.trim()] ?? undefined;
  });
  const missing: string[] = (['id', 'risk'] as const).filter((c) => !columns.includes(c));
  if (!columns.includes('name_zh') && !columns.includes('name_en'))
    missing.push('name_zh / name_en');
  if (missing.length > 0)
    return {
      rows: [],
      fileErrors: [
        lt(
          `第 ${header.line} 行表头缺少列：${missing.join(', ')}`,
          `line ${header.line}: the header lacks the columns ${missing.join(', ')}`,
        ),
      ],
    };
  const existingIndex = new Map(existing.map((p, i) => [p.id, i]));
  const seen = new Map<string, number>();
  const rows = body.map(({ cells, line }): CsvRow => {
    const get = (col: string) => {
      const i = columns.indexOf(col);
      return i < 0 ? '' : readCsvCell(cells[i] ?? '').trim();
    };
    const errors: LocalizedText[] = [];
    const id = get('id');
    const zh = get('name_zh');
    const en = get('name_en');
    if (!zh && !en) errors.push(lt('缺少产品名称', 'the product has no name'));
    const earlier = seen.get(id);
    if (id && earlier !== undefined)
      errors.push(
        lt(`产品代码 ${id} 已在第 ${earlier} 行出现`, `id ${id} already on line ${earlier}`),
      );
    if (id) seen.set(id, line);
    const check = (column: string, value: string, levels: readonly string[] | undefined) => {
      if (value && levels && !levels.includes(value))
        errors.push(levelError(column, value, levels));
    };
    const risk = get('risk');
    if (!risk) errors.push(lt('缺少风险等级', 'risk is missing'));
    check('risk', risk, scales.risk);
    check('horizon', get('horizon'), scales.horizon);
    check('variety', get('variety'), scales.variety);
    const complexCell = get('complex').toLowerCase();
    if (!TRUE.has(complexCell) && !FALSE.has(complexCell))
      errors.push(
        lt(
          `complex 列应为 true 或 false，实际是“${complexCell}”`,
          `complex should be true or false, not "${complexCell}"`,
        ),
      );
    const attributes: Record<string, ReturnType<typeof attributeValue>> = {};
    columns.forEach((c, i) => {
      const cell = readCsvCell(cells[i] ?? '').trim();
      if (c?.startsWith('attr.') && cell) attributes[c.slice(5)] = attributeValue(cell);
    });
    const candidate = {
      id,
      name: { 'zh-CN': zh || en, en: en || zh },
      risk,
      ...(get('horizon') ? { horizon: get('horizon') } : {}),
      ...(get('variety') ? { variety: get('variety') } : {}),
      complex: TRUE.has(complexCell),
      attributes,
      tags: splitList(get('tags')),
    };
    const parsed = ProductSchema.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors.push(
          lt(
            `${issue.path.join('.') || 'id'}：${issue.message}`,
            `${issue.path.join('.') || 'id'}: ${issue.message}`,
          ),
        );
    if (errors.length > 0 || !parsed.success) return { line, ok: false, id, errors };
    return { line, ok: true, product: parsed.data, replaces: existingIndex.get(id) };
  });
  return { rows, fileErrors: [] };
}

/** The valid rows as one undoable step: replacements in place, new products at the end. */
export function importChange(pack: Pack, rows: readonly CsvRow[]): PackChange {
  const changes: PackChange[] = [];
  let end = pack.products.items.length;
  for (const row of rows) {
    if (!row.ok) continue;
    if (row.replaces !== undefined)
      changes.push({ type: 'set', path: ['products', 'items', row.replaces], value: row.product });
    else
      changes.push({
        type: 'insert',
        path: ['products', 'items'],
        index: end++,
        value: row.product,
      });
  }
  return { type: 'batch', changes, label: 'import products' };
}

function attributeCell(value: Product['attributes'][string] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(';') : String(value);
}

/** The catalogue as CSV, readable back by `parseProductsCsv`. */
export function productsToCsv(products: readonly Product[]): string {
  const attrNames = [...new Set(products.flatMap((p) => Object.keys(p.attributes)))].sort();
  const header = [...CSV_COLUMNS, ...attrNames.map((a) => `attr.${a}`)];
  const data = products.map((p) => [
    p.id,
    p.name['zh-CN'],
    p.name.en,
    p.risk,
    p.horizon ?? '',
    p.variety ?? '',
    String(p.complex),
    p.tags.join(';'),
    ...attrNames.map((a) => attributeCell(p.attributes[a])),
  ]);
  return [header, ...data].map((row) => `${csvLine(row)}\n`).join('');
}
