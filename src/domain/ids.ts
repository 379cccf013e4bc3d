import { z } from 'zod';
import { isCalendarDate } from './calendarDate.ts';

/**
 * Identifiers inside a pack: letters, digits, `_` and `-`, starting with a letter or digit.
 * They appear in dot-paths, so dots are not allowed, and the prototype-polluting names never are.
 */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const IdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
    'letters, digits, "_" or "-", starting with a letter or digit',
  )
  .refine((id) => !FORBIDDEN_KEYS.has(id), 'reserved name');

/** A pack id: lower-case slug. */
export const PackIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case slug');

/** Semantic version `MAJOR.MINOR.PATCH` with an optional pre-release tag. */
export const SemverSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'semantic version such as 1.2.0');

/**
 * Orders semantic versions: by major, minor and patch as numbers; a pre-release comes before its
 * release (`1.1.0-draft` < `1.1.0`), and pre-release tags compare as text.
 */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split(/-(.*)/s, 2);
    return { parts: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** Calendar date `YYYY-MM-DD`. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date');

/**
 * A reference to a value in the evaluation scope: `<root>.<key>...`, where root is a client fact id,
 * `answers`, `context`, or an upstream node id. Example: `risk.total`, `classify.level`, `age`.
 */
export const ValueRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'dot-path such as classify.level')
  .refine((p) => p.split('.').every((k) => !FORBIDDEN_KEYS.has(k)), 'path uses a reserved name')
  .meta({ description: 'Dot-path into the evaluation scope, e.g. classify.level or answers.Q15' });
export type ValueRef = z.infer<typeof ValueRefSchema>;
