import fc from 'fast-check';
import { DOCUMENT_LIMITS } from '../domain/index.ts';

/** One edit of a JSON document, at the `at`-th of its values (wrapping), as a careless or hostile writer would make. */
export type JsonMutation =
  | { op: 'delete'; at: number }
  | { op: 'typo'; at: number; kind: number }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'reserved'; at: number; key: string; value: unknown }
  | { op: 'deep'; at: number; depth: number }
  | { op: 'long'; at: number }
  | { op: 'many'; at: number };

const TRICKY_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  0.1,
  '',
  '0x23',
  '2026-02-30',
  '=HYPERLINK("x")',
  '__proto__',
  [],
  {},
  ['a'],
  { 'zh-CN': 'x', en: 'x' },
];

/** A mutation that keeps the document within its size limits. */
export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('typo' as const), at: fc.nat(), kind: fc.nat(3) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('replace' as const),
      at: fc.nat(),
      value: fc.oneof(fc.constantFrom(...TRICKY_VALUES), fc.jsonValue({ maxDepth: 2 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('reserved' as const),
      at: fc.nat(),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
      value: fc.constantFrom<unknown>({ polluted: true }, 1, 'x'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('deep' as const),
      at: fc.nat(),
      depth: fc.integer({ min: 1, max: 3000 }),
    }),
  },
);

/** The large mutations, past the document limits: costly, so drawn on their own and rarely. */
export const jsonOverLimit: fc.Arbitrary<JsonMutation> = fc.record({
  op: fc.constantFrom('long' as const, 'many' as const),
  at: fc.nat(),
});

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every place in `doc` that holds a value (objects' fields and arrays' items). */
function slotsOf(doc: unknown): Slot[] {
  const slots: Slot[] = [];
  const stack = [doc];
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    if (v === null || typeof v !== 'object') continue;
    const keys: (string | number)[] = Array.isArray(v)
      ? Array.from({ length: v.length }, (_, i) => i)
      : Object.keys(v);
    for (const key of keys) {
      slots.push({ parent: v as Slot['parent'], key });
      stack.push((v as Record<string | number, unknown>)[key]);
    }
  }
  return slots;
}

const nested = (depth: number): unknown => {
  let v: unknown = { not: { fact: 'age', operator: 'equal', value: 1 } };
  for (let i = 0; i < depth; i++) v = { not: v };
  return v;
};

/** Defines an own property, as JSON.parse does: `__proto__` stays a key, not a prototype. */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** `doc` (a fresh copy) with the mutations applied; returns the copy. */
export function mutateJson(doc: unknown, mutations: readonly JsonMutation[]): unknown {
  const copy = structuredClone(doc);
  for (const m of mutations) {
    const slots = slotsOf(copy);
    const slot = slots[m.at % Math.max(1, slots.length)];
    if (!slot) continue;
    const { parent, key } = slot;
    const set = (value: unknown) =>
      Array.isArray(parent)
        ? (parent[key as number] = value)
        : define(parent, key as string, value);
    switch (m.op) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 'typo': {
        if (Array.isArray(parent)) break;
        const name = key as string;
        const typo = [
          name.toLowerCase(),
          name.slice(0, -1),
          `${name}s`,
          name.length > 1 ? `${name[1]}${name[0]}${name.slice(2)}` : `${name}x`,
        ][m.kind] as string;
        const value = parent[name];
        delete parent[name];
        define(parent, typo, value);
        break;
      }
      case 'replace':
        set(structuredClone(m.value));
        break;
      case 'reserved': {
        const target = parent[key as never] as unknown;
        // JSON can put a key only on an object.
        const holder =
          target !== null && typeof target === 'object' && !Array.isArray(target)
            ? target
            : Array.isArray(parent)
              ? undefined
              : parent;
        if (holder) define(holder, m.key, structuredClone(m.value));
        break;
      }
      case 'deep':
        set(nested(m.depth));
        break;
      case 'long':
        set('x'.repeat(DOCUMENT_LIMITS.maxStringLength + 1));
        break;
      case 'many':
        set(new Array<number>(DOCUMENT_LIMITS.maxItems + 1).fill(0));
        break;
    }
  }
  return copy;
}
