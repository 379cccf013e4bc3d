import { PackSchema, type Pack } from './pack.ts';
import type { LocalizedText } from './localized.ts';
import { migratePack } from './migrations.ts';
import { DESCRIBED_PARSE, describeIssues } from './zodIssues.ts';
import { locateJson, type TextPosition } from './jsonLocate.ts';
import { hashPack } from './hash.ts';
import { checkDocument, checkJsonText } from './limits.ts';

/** A reason a pack could not be read, located by JSON path (and line, when read from text). */
export type PackError = {
  /** `json.syntax`, `limit.depth`, `format.tooNew`, `required`, `type`, `unknownKey`... */
  code: string;
  /** JSON path, e.g. `$.graph.nodes[3].config`. */
  path: string;
  /** What was expected there, in plain words. */
  expected: string;
  message: LocalizedText;
  /** The file or other source the text came from, when given. */
  source?: string;
  line?: number;
  column?: number;
};

export type ParsePackResult =
  | { ok: true; pack: Pack; migratedFrom?: number; migrations: string[] }
  | { ok: false; errors: PackError[] };

/**
 * Reads a pack from JSON text or an already parsed value: JSON syntax, format migrations, then the
 * schema. Every error names its JSON path, and its line and column when the input was text.
 *
 * @example
 * const result = parsePack(fs.readFileSync('pack.json', 'utf8'), 'pack.json');
 * if (!result.ok) for (const e of result.errors) console.log(formatPackError(e, 'en'));
 */
export function parsePack(raw: unknown, source?: string): ParsePackResult {
  const where = source === undefined ? {} : { source };
  let text: string | undefined;
  let value = raw;
  if (typeof raw === 'string') {
    text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const over = checkJsonText(text);
    if (over) return { ok: false, errors: [{ ...over, ...where }] };
    try {
      value = JSON.parse(text);
    } catch (e) {
      const located = locateJson(text);
      const pos: Partial<TextPosition> = located.ok
        ? {}
        : { line: located.error.line, column: located.error.column };
      const message: LocalizedText = located.ok
        ? { 'zh-CN': `JSON 语法错误：${String(e)}`, en: `JSON syntax error: ${String(e)}` }
        : {
            'zh-CN': `JSON 语法错误：${located.error.message['zh-CN']}`,
            en: `JSON syntax error: ${located.error.message.en}`,
          };
      return {
        ok: false,
        errors: [
          { code: 'json.syntax', path: '$', expected: 'valid JSON', message, ...where, ...pos },
        ],
      };
    }
  }
  // Before the schema: a document past the limits could otherwise take seconds or the stack.
  const refused = checkDocument(value);
  if (refused) {
    // Lines for a reserved key only: locating every value of an oversized document would cost
    // more than refusing it, and the path already says where.
    const located =
      text === undefined || refused.code !== 'reservedKey' ? undefined : locateJson(text);
    const at = located?.ok ? nearestLocation(located.locations, refused.path) : {};
    return { ok: false, errors: [{ ...refused, ...where, ...at }] };
  }
  const migrated = migratePack(value);
  if (!migrated.ok)
    return {
      ok: false,
      errors: [
        {
          code: migrated.code,
          path: '$.formatVersion',
          expected: 'a known format version',
          message: migrated.message,
          ...where,
        },
      ],
    };
  const parsed = PackSchema.safeParse(migrated.value, DESCRIBED_PARSE);
  if (parsed.success)
    return {
      ok: true,
      pack: parsed.data,
      migrations: migrated.applied,
      ...(migrated.applied.length > 0 && migrated.from !== undefined
        ? { migratedFrom: migrated.from }
        : {}),
    };
  // Lines only mean something for the text as written, i.e. when no migration reshaped it.
  const located =
    text !== undefined && migrated.applied.length === 0 ? locateJson(text) : undefined;
  const locations = located?.ok ? located.locations : undefined;
  return {
    ok: false,
    errors: describeIssues(parsed.error.issues).map((problem) => ({
      ...problem,
      ...where,
      ...(locations ? nearestLocation(locations, problem.path) : {}),
    })),
  };
}

/** The position of the path, or of its closest ancestor that exists (a missing field's object). */
function nearestLocation(
  locations: Map<string, TextPosition>,
  path: string,
): Partial<TextPosition> {
  for (let p = path; ;) {
    const hit = locations.get(p);
    if (hit) return hit;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return {};
    p = p.slice(0, cut);
  }
}

/** `pack.json:12:7 $.graph.nodes[3].kind: unknown kind "x"; allowed: ...` */
export function formatPackError(error: PackError, locale: string): string {
  const place = [error.source, error.line, error.column].filter((x) => x !== undefined).join(':');
  const text = locale === 'en' ? error.message.en : error.message['zh-CN'];
  return `${place ? `${place} ` : ''}${error.path}: ${text}`;
}

export type HashCheck =
  | { status: 'ok'; hash: string }
  | { status: 'missing'; hash: string; message: LocalizedText }
  | { status: 'mismatch'; hash: string; expected: string; message: LocalizedText };

/** Compares `integrity.hash` with the pack's content. A pack without a hash is not verified. */
export function verifyPackHash(pack: Pack): HashCheck {
  const hash = hashPack(pack);
  const expected = pack.integrity?.hash;
  if (expected === undefined)
    return {
      status: 'missing',
      hash,
      message: {
        'zh-CN': '规则包没有内容哈希（integrity.hash），无法校验',
        en: 'the pack has no content hash (integrity.hash) to verify',
      },
    };
  if (expected === hash) return { status: 'ok', hash };
  return {
    status: 'mismatch',
    hash,
    expected,
    message: {
      'zh-CN': `内容哈希不一致：integrity.hash 为 ${expected}，实际内容为 ${hash}。规则包在盖章后被修改过`,
      en: `content hash mismatch: integrity.hash says ${expected}, the content is ${hash}; the pack changed after it was stamped`,
    },
  };
}

/** The pack with `integrity.hash` set to its content hash. Returns a new object. */
export function stampPackHash(pack: Pack): Pack {
  return { ...pack, integrity: { approvals: [], ...pack.integrity, hash: hashPack(pack) } };
}
