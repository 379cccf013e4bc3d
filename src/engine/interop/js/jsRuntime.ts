/**
 * The helpers every generated module carries, as JavaScript source written here by hand (no pack
 * content in it). Each mirrors one engine function, named beside it, and the differential test
 * holds them to it: `own` (scope.ts), `step` (safePath.ts), `isDate` / `addMonths` / `periodLastDay` / `periodOver` (dates.ts), the
 * json-rules-engine operators (conditions.ts), the table hit policies (table/hitPolicies.ts) and
 * the input check's messages (inputCheck.ts).
 */
export const JS_RUNTIME = String.raw`
export class EvaluationError extends Error {
  constructor(code, localized, path = '$', nodeId = undefined) {
    super(localized.en);
    this.name = 'EvaluationError';
    this.code = code;
    this.path = path;
    this.nodeId = nodeId;
    this.localized = localized;
  }
}

const EMPTY = Object.freeze({});
const lt = (zh, en) => ({ 'zh-CN': zh, en });
const fail = (code, path, zh, en) => {
  throw new EvaluationError(code, lt(path + '：' + zh, path + ': ' + en), path);
};
const show = (v) => JSON.stringify(v) ?? String(v);
const at = (path, i) => (i === undefined ? path : path + '[' + i + ']');
const isRecord = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Errors raised inside a node belong to it, as the engine's runNode says. */
function atNode(e, nodeId) {
  if (e instanceof EvaluationError && e.nodeId === undefined)
    return new EvaluationError(e.code, e.localized, e.path, nodeId);
  return e;
}

const own = (v, k) =>
  v !== null && typeof v === 'object' && Object.hasOwn(v, k) ? v[k] : undefined;
const step = (v, k) => (v !== null && v !== undefined && Object.hasOwn(v, k) ? v[k] : undefined);
/** A condition's path applies only to an object or list; any other value is read as it is. */
function readPath(v, keys) {
  if (v === null || typeof v !== 'object') return v;
  for (const k of keys) v = step(v, k);
  return v;
}

function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function packedDate(s) {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
function isDate(value) {
  if (typeof value !== 'string') return false;
  const n = packedDate(value);
  if (n < 0) return false;
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Math.floor(n / 10000), month);
}
const pad = (n, width) => String(n).padStart(width, '0');
function addMonths(date, months) {
  const n = packedDate(date);
  if (n < 0) return date;
  const total = Math.floor(n / 10000) * 12 + (Math.floor(n / 100) % 100) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(n % 100, daysInMonth(year, month));
  return pad(year, 4) + '-' + pad(month, 2) + '-' + pad(day, 2);
}
/** The Civil Code period rules (dates.ts): valid through the last day, over from the next. */
const periodLastDay = (start, months) => addMonths(start, months);
const periodOver = (lastDay, date) => date > lastDay;
/** What a fact's requiredWhen reads as context (inputCheck.ts factsOf). */
const contextOf = (input) => ({
  evaluationDate: input.evaluationDate,
  assessmentDate: input.assessmentDate ?? input.evaluationDate,
  initiator: input.initiator ?? 'client',
  clientId: input.clientId,
});

// json-rules-engine 7's operators with their fact-value validators, and the pack's date operators.
const numeric = (v) =>
  typeof v === 'number' ? !Number.isNaN(v) : !Number.isNaN(Number.parseFloat(v));
function indexIn(list, item) {
  if (Array.isArray(list)) return list.indexOf(item);
  if (typeof list === 'string') return list.indexOf(item);
  throw new TypeError('not a list');
}
const OPS = {
  in: (a, b) => indexIn(b, a) > -1,
  notIn: (a, b) => indexIn(b, a) === -1,
  lessThan: (a, b) => numeric(a) && a < b,
  lessThanInclusive: (a, b) => numeric(a) && a <= b,
  greaterThan: (a, b) => numeric(a) && a > b,
  greaterThanInclusive: (a, b) => numeric(a) && a >= b,
};
const contains = (a, b) => Array.isArray(a) && a.indexOf(b) > -1;
const doesNotContain = (a, b) => Array.isArray(a) && a.indexOf(b) === -1;
const dateBefore = (a, b) => isDate(a) && isDate(b) && a < b;
const dateOnOrBefore = (a, b) => isDate(a) && isDate(b) && a <= b;
const dateAfter = (a, b) => isDate(a) && isDate(b) && a > b;
const dateOnOrAfter = (a, b) => isDate(a) && isDate(b) && a >= b;

function describeValue(v) {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'a list';
  return v === null || typeof v !== 'object' ? JSON.stringify(v) : 'an object';
}
/** An operator that may throw, run as the engine runs it: a failure names the condition. */
function guarded(op, a, b, c) {
  try {
    return OPS[op](a, b);
  } catch {
    if (op === 'in' || op === 'notIn')
      throw new EvaluationError(
        'condition.notAList',
        lt(
          '条件 ' + c.at + '：运算符 ' + op + ' 需要一个列表作为比较值，实际是 ' + describeValue(b),
          'condition at ' + c.at + ': operator ' + op + ' needs a list to look in, got ' + describeValue(b),
        ),
        c.at,
      );
    throw new EvaluationError(
      'condition.notComparable',
      lt(
        '条件 ' + c.at + '：事实 ' + c.fact + ' 的值不是可比较的数据',
        'condition at ' + c.at + ': the value of fact ' + c.fact + ' cannot be compared',
      ),
      c.at,
    );
  }
}
/** json-rules-engine evaluates every part of a list that may throw before combining them. */
const every = (parts) => parts.every((p) => p);
const some = (parts) => parts.some((p) => p);

const answered = (v) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
const selected = (v, wanted) =>
  typeof v === 'string' ? wanted.includes(v) : Array.isArray(v) && v.some((x) => wanted.includes(x));
const answerOf = (answers, id) => (Object.hasOwn(answers, id) ? answers[id] : undefined);
function hasRepeat(list) {
  for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) if (list[i] === list[j]) return true;
  return false;
}

function checkNumber(v, path, code, rangeCode, integer, min, max) {
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(code, path, '应为数字，实际是 ' + show(v), 'expected a number, got ' + show(v));
  if (integer && !Number.isInteger(v))
    fail(code, path, '应为整数，实际是 ' + v, 'expected an integer, got ' + v);
  if ((min !== undefined && v < min) || (max !== undefined && v > max))
    fail(
      rangeCode,
      path,
      v + ' 超出范围 [' + (min ?? '-∞') + ', ' + (max ?? '∞') + ']',
      v + ' is outside [' + (min ?? '-inf') + ', ' + (max ?? 'inf') + ']',
    );
}
function checkType(ok, v, path, zh, en) {
  if (!ok) fail('input.factType', path, zh + show(v), en + show(v));
}
function checkEnum(v, path, i, known) {
  if (typeof v !== 'string' || !known.includes(v))
    fail(
      'input.unknownValue',
      at(path, i),
      show(v) + ' 不是可选值（' + known.join('、') + '）',
      show(v) + ' is not one of ' + known.join(', '),
    );
}
function checkSet(v, path, known) {
  if (!Array.isArray(v))
    fail('input.factType', path, '应为列表，实际是 ' + show(v), 'expected a list, got ' + show(v));
  for (let i = 0; i < v.length; i++) checkEnum(v[i], path, i, known);
}
function checkOption(v, path, i, options, list) {
  if (typeof v !== 'string' || !options.includes(v))
    fail(
      'input.unknownOption',
      at(path, i),
      show(v) + ' 不是本题的选项（' + list + '）',
      show(v) + ' is not an option of this question (' + list + ')',
    );
}
function checkOptions(v, path, options, min, max) {
  if (!Array.isArray(v))
    fail(
      'input.answerType',
      path,
      '多选题的答案应为选项列表，实际是 ' + show(v),
      'a multiple-choice answer is a list of options, got ' + show(v),
    );
  const list = options.join(', ');
  for (let i = 0; i < v.length; i++) checkOption(v[i], path, i, options, list);
  if (hasRepeat(v)) fail('input.answerType', path, '同一选项选了两次', 'an option is chosen twice');
  if (v.length > 0 && (v.length < min || (max !== undefined && v.length > max)))
    fail(
      'input.selectionCount',
      path,
      '选了 ' + v.length + ' 项，应为 ' + min + '-' + (max ?? '不限') + ' 项',
      v.length + ' options chosen, ' + min + ' to ' + (max ?? 'any') + ' allowed',
    );
}
function checkShape(input) {
  if (!isRecord(input)) fail('input.type', '$', '输入应为对象', 'the input must be an object');
  for (const key of ['facts', 'answers'])
    if (input[key] !== undefined && input[key] !== null && !isRecord(input[key]))
      fail('input.type', '$.' + key, '应为对象', 'expected an object');
  if (!isDate(input.evaluationDate))
    fail(
      'input.date',
      '$.evaluationDate',
      '应为日期 YYYY-MM-DD，实际是 ' + show(input.evaluationDate),
      'expected a date YYYY-MM-DD, got ' + show(input.evaluationDate),
    );
  if (input.assessmentDate !== undefined && !isDate(input.assessmentDate))
    fail(
      'input.date',
      '$.assessmentDate',
      '应为日期 YYYY-MM-DD，实际是 ' + show(input.assessmentDate),
      'expected a date YYYY-MM-DD, got ' + show(input.assessmentDate),
    );
  // An assessment dated after the sale it is used for is a clerical error (inputCheck.ts).
  if (typeof input.assessmentDate === 'string' && input.assessmentDate > input.evaluationDate)
    fail(
      'input.dateOrder',
      '$.assessmentDate',
      '测评日期 ' + input.assessmentDate + ' 晚于评估日期 ' + input.evaluationDate,
      'the assessment date ' + input.assessmentDate + ' is after the evaluation date ' + input.evaluationDate,
    );
  if (input.initiator !== undefined && input.initiator !== 'firm' && input.initiator !== 'client')
    fail(
      'input.initiator',
      '$.initiator',
      '应为 firm 或 client，实际是 ' + show(input.initiator),
      'expected firm or client, got ' + show(input.initiator),
    );
}
const missingFact = (path) =>
  fail('input.missingFact', path, '缺少必填的客户事实', 'a required client fact is missing');
const unknownFact = (key) =>
  fail('input.unknownFact', '$.facts.' + key, '词汇表中没有这个事实', 'the vocabulary has no such fact');
const unknownQuestion = (key) =>
  fail('input.unknownQuestion', '$.answers.' + key, '问卷中没有这道题', 'no questionnaire has this question');

function compareAnswer(v, op, value) {
  if (typeof v !== 'number') return false;
  if (op === 'lt') return v < value;
  if (op === 'lte') return v <= value;
  if (op === 'gt') return v > value;
  if (op === 'gte') return v >= value;
  return v === value;
}
/** The value of a multiple-choice answer bound to a fact by max or min (questionnaire/scoring.ts). */
function bindBest(values, max, rank) {
  let best = undefined;
  for (const v of values) {
    if (best === undefined) best = v;
    else if (max ? rank(v) > rank(best) : rank(v) < rank(best)) best = v;
  }
  return best;
}
const rankOr = (ranks, v, otherwise) =>
  typeof v === 'string' && Object.hasOwn(ranks, v) ? ranks[v] : otherwise;
const num = (v) => (typeof v === 'number' ? v : Number.NaN);
const neq = (k, bound) => !Number.isNaN(k) && k !== bound;
const within = (k, low, lowIn, high, highIn) =>
  (lowIn ? k >= low : k > low) && (highIn ? k <= high : k < high);
const eqText = (v, s) => v === s || (Array.isArray(v) && v.includes(s));

function noBand(score, nodeId, path) {
  throw new EvaluationError(
    'classify.noBand',
    lt('分数 ' + score + ' 不在“' + nodeId + '”的任何分段内', 'score ' + score + ' falls in no band of "' + nodeId + '"'),
    path,
    nodeId,
  );
}

// Matching: severities 0 allowed, 1 warn, 2 prohibited; -1 is a dimension that passes.
const BY_SEVERITY = ['allowed', 'warn', 'prohibited'];
const missingValue = (v) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
const prepareList = (v) => (missingValue(v) ? undefined : Array.isArray(v) ? v : [v]);
function allIn(subject, object, fail) {
  for (const x of subject) if (!object.includes(x)) return fail;
  return -1;
}
// The match outcome memo (match/outcomeMemo.ts): clients with the same key share an outcome.
function encode(v) {
  switch (typeof v) {
    case 'number':
      return 'n' + v;
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    default: {
      if (v === null) return 'z';
      if (!Array.isArray(v)) return undefined;
      let out = '[';
      for (const x of v) {
        const e = typeof x === 'object' && x !== null ? undefined : encode(x);
        if (e === undefined) return undefined;
        out += e + ',';
      }
      return out + ']';
    }
  }
}
function outcomeKey(ap, c, act) {
  let key = '';
  for (let i = 0; i < ap.length; i++) {
    if (!ap[i]) {
      key += '-|';
      continue;
    }
    const e = encode(c[i]);
    if (e === undefined) return undefined;
    key += e + '|';
  }
  for (const a of act) key += a ? '1' : '0';
  return key + '|';
}
class OutcomeMemo {
  constructor(capacity) {
    this.capacity = capacity;
    this.map = new Map();
    this.seen = new Set();
  }
  get(key) {
    return this.map.get(key);
  }
  admit(key) {
    if (this.map.size >= this.capacity) return false;
    if (this.seen.has(key)) return true;
    if (this.seen.size >= this.capacity * 4) this.seen.clear();
    this.seen.add(key);
    return false;
  }
  set(key, value) {
    if (this.map.size < this.capacity) this.map.set(key, deepFreeze(value));
  }
}
function deepFreeze(v) {
  if (v !== null && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

// Decision-table hit policies over the matched rows ({ id, cells, value }), in row order.
function sameCells(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
function hitUnique(rows, nodeId, path) {
  if (rows.length > 1)
    throw new EvaluationError(
      'table.notUnique',
      lt(
        '唯一命中表“' + nodeId + '”同时命中了多行：' + rows.map((r) => r.id).join('、'),
        'unique table "' + nodeId + '" matched several rows: ' + rows.map((r) => r.id).join(', '),
      ),
      path,
      nodeId,
    );
  return rows[0]?.value;
}
function hitAny(rows, nodeId, path) {
  const [first] = rows;
  const other = rows.find((r) => first && !sameCells(r.cells, first.cells));
  if (first && other)
    throw new EvaluationError(
      'table.anyConflict',
      lt(
        '“任一”命中表“' + nodeId + '”中行 ' + first.id + ' 与 ' + other.id + ' 的输出不一致',
        'any-hit table "' + nodeId + '": rows ' + first.id + ' and ' + other.id + ' give different outputs',
      ),
      path,
      nodeId,
    );
  return first?.value;
}
function hitPriority(rows, listed) {
  const rank = (r) => {
    const i = listed.indexOf(r.cells[0]);
    return i < 0 ? listed.length : i;
  };
  let best = rows[0];
  for (const r of rows) if (best && rank(r) < rank(best)) best = r;
  return best?.value;
}
function hitAggregate(rows, agg) {
  const nums = rows.map((r) => r.cells[0]).filter((v) => typeof v === 'number');
  if (agg === 'sum') return nums.reduce((s, n) => s + n, 0);
  if (nums.length === 0) return null;
  return agg === 'min' ? Math.min(...nums) : Math.max(...nums);
}
function noRow(nodeId, path, refs, values) {
  const zh = refs.map((r, k) => r + ' = ' + JSON.stringify(values[k])).join('，');
  const en = refs.map((r, k) => r + ' = ' + JSON.stringify(values[k])).join(', ');
  throw new EvaluationError(
    'table.noMatch',
    lt('决策表“' + nodeId + '”没有行匹配：' + zh, 'no row of table "' + nodeId + '" matches ' + en),
    path,
    nodeId,
  );
}
function notNumber(code, zhWhat, enWhat, ref, v, path, nodeId) {
  throw new EvaluationError(
    code,
    lt(zhWhat + '“' + ref + '”不是数字（' + String(v) + '）', enWhat + ' "' + ref + '" is not a number (' + String(v) + ')'),
    path,
    nodeId,
  );
}
`;
