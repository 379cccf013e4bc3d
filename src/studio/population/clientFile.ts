import Papa from 'papaparse';
import {
  lt,
  questionsOf,
  type EvaluationInputDraft,
  type LocalizedText,
  type Pack,
} from '../../domain/index.ts';
import { EvaluationError, type CompiledPack } from '../../engine/index.ts';

/** Where a column goes in the evaluation input and how its text is read. */
export type Target = { id: string; root: 'context' | 'facts' | 'answers'; key: string; read: Read };
type Read = 'string' | 'number' | 'boolean' | 'list';

export type FileRecord = { cells: string[]; line: number };
export type BadRow = { line: number; message: LocalizedText };
export type ClientsRead = { clients: EvaluationInputDraft[]; lines: number[]; bad: BadRow[] };

const CONTEXT = ['clientId', 'evaluationDate', 'assessmentDate', 'initiator'];

/** Every place a column may go: the context fields, each fact, each question. */
export function targetsOf(pack: Pack): Target[] {
  const targets: Target[] = CONTEXT.map((key) => ({
    id: key,
    root: 'context',
    key,
    read: 'string',
  }));
  for (const f of pack.vocabulary.facts)
    targets.push({
      id: `facts.${f.id}`,
      root: 'facts',
      key: f.id,
      read:
        f.type === 'number'
          ? 'number'
          : f.type === 'boolean'
            ? 'boolean'
            : f.type === 'set'
              ? 'list'
              : 'string',
    });
  for (const q of pack.questionnaires.flatMap(questionsOf))
    targets.push({
      id: `answers.${q.id}`,
      root: 'answers',
      key: q.id,
      read: q.type === 'multiple' ? 'list' : q.type === 'numeric' ? 'number' : 'string',
    });
  return targets;
}

/**
 * The target of each header, or '' to ignore the column: `facts.age` and `answers.Q1` as
 * written, else a bare fact or question id, else a context field, case aside.
 */
export function autoMap(header: readonly string[], targets: readonly Target[]): string[] {
  const byId = new Map(targets.map((t) => [t.id.toLowerCase(), t.id]));
  const byKey = new Map<string, string>();
  for (const t of targets)
    if (!byKey.has(t.key.toLowerCase())) byKey.set(t.key.toLowerCase(), t.id);
  const used = new Set<string>();
  return header.map((h) => {
    const name = h.trim().toLowerCase();
    const id = byId.get(name) ?? byKey.get(name) ?? '';
    if (!id || used.has(id)) return '';
    used.add(id);
    return id;
  });
}

/** The records of a CSV file with the line each starts on (a quoted cell may span lines). */
export function readCsvRecords(text: string): FileRecord[] {
  const source = text.replace(/^\uFEFF/, '');
  const records: FileRecord[] = [];
  let line = 1;
  let scanned = 0;
  let start = 0;
  Papa.parse<string[]>(source, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      let begin = start;
      while (begin < source.length && /\s/.test(source[begin] ?? '')) begin++;
      for (; scanned < begin; scanned++) if (source[scanned] === '\n') line++;
      records.push({ cells: result.data, line });
      start = result.meta.cursor;
    },
  });
  return records;
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否']);

function convert(cell: string, read: Read): { value: unknown } | { error: LocalizedText } {
  switch (read) {
    case 'string':
      return { value: cell };
    case 'list':
      return { value: cell.split('|').map((s) => s.trim()) };
    case 'number': {
      const n = Number(cell);
      return Number.isFinite(n)
        ? { value: n }
        : { error: lt(`“${cell}”不是数字`, `"${cell}" is not a number`) };
    }
    case 'boolean': {
      const v = cell.trim().toLowerCase();
      if (TRUE.has(v)) return { value: true };
      if (FALSE.has(v)) return { value: false };
      return {
        error: lt(`“${cell}”不是布尔值（true/false）`, `"${cell}" is not a boolean (true/false)`),
      };
    }
  }
}

function checked(
  compiled: CompiledPack,
  input: EvaluationInputDraft,
  line: number,
): BadRow | undefined {
  try {
    compiled.checkInput(input);
    return undefined;
  } catch (e) {
    if (!(e instanceof EvaluationError)) throw e;
    // The engine's input messages already name the path; add it only when one does not.
    const named = (text: string) => (text.includes(e.path) ? text : `${e.path}: ${text}`);
    return { line, message: lt(named(e.localized['zh-CN']), named(e.localized.en)) };
  }
}

/**
 * Clients from CSV records by the chosen mapping. Empty cells are missing values; a row that
 * does not convert or that the pack's input check refuses is listed with its line, not loaded.
 */
export function clientsFromCsv(
  records: readonly FileRecord[],
  mapping: readonly string[],
  targets: readonly Target[],
  compiled: CompiledPack,
  evaluationDate: string,
): ClientsRead {
  const [header, ...body] = records;
  const out: ClientsRead = { clients: [], lines: [], bad: [] };
  if (!header) return out;
  const byId = new Map(targets.map((t) => [t.id, t]));
  const columns = mapping.map((id) => byId.get(id));
  for (const { cells, line } of body) {
    if (cells.length !== header.cells.length) {
      out.bad.push({
        line,
        message: lt(
          `应有 ${header.cells.length} 列，实际 ${cells.length} 列`,
          `expected ${header.cells.length} columns, got ${cells.length}`,
        ),
      });
      continue;
    }
    const input: Record<string, unknown> = { evaluationDate, facts: {}, answers: {} };
    let error: BadRow | undefined;
    cells.forEach((cell, i) => {
      const t = columns[i];
      if (!t || cell.trim() === '' || error) return;
      const v = convert(cell.trim(), t.read);
      if ('error' in v) {
        const name = header.cells[i] ?? t.id;
        error = {
          line,
          message: lt(`列 ${name}：${v.error['zh-CN']}`, `column ${name}: ${v.error.en}`),
        };
      } else if (t.root === 'context') input[t.key] = v.value;
      else (input[t.root] as Record<string, unknown>)[t.key] = v.value;
    });
    const client = input as EvaluationInputDraft;
    error ??= checked(compiled, client, line);
    if (error) out.bad.push(error);
    else {
      out.clients.push(client);
      out.lines.push(line);
    }
  }
  return out;
}

/** Clients from JSON Lines: one evaluation input per line, blank lines skipped. */
export function clientsFromJsonl(
  text: string,
  compiled: CompiledPack,
  evaluationDate: string,
): ClientsRead {
  const out: ClientsRead = { clients: [], lines: [], bad: [] };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      out.bad.push({ line, message: lt(`不是 JSON：${String(e)}`, `not JSON: ${String(e)}`) });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      out.bad.push({ line, message: lt('应是一个 JSON 对象', 'expected a JSON object') });
      return;
    }
    const client = { evaluationDate, ...value } as EvaluationInputDraft;
    const error = checked(compiled, client, line);
    if (error) out.bad.push(error);
    else {
      out.clients.push(client);
      out.lines.push(line);
    }
  });
  return out;
}
