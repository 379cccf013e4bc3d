import { describe, expect, it } from 'vitest';
import { compileFeelExpression } from './compileExpression.ts';

function run(
  text: string,
  scope: Record<string, unknown> = {},
  fns = [] as Parameters<typeof compileFeelExpression>[2],
) {
  const names = Object.keys(scope);
  const c = compileFeelExpression(text, names, fns);
  if (!c.ok) throw new Error(c.error.en);
  return c.run((i) => scope[names[i] as string]);
}

describe('S-FEEL literal expressions', () => {
  it('arithmetic, strings and names with spaces', () => {
    expect(run('12 * Monthly Salary', { 'Monthly Salary': 1000 })).toBe(12000);
    expect(run('"Hello " + Full Name', { 'Full Name': 'John Doe' })).toBe('Hello John Doe');
    expect(run('2 ** -1 + -3')).toBe(-2.5);
    expect(run('(1 + 2) * 3 / 4')).toBe(2.25);
  });

  it('members of structured names, and bound dotted names', () => {
    expect(run('loan.rate * 2', { loan: { rate: 0.5 } })).toBe(1);
    expect(run('loan.rate * 2', { 'loan.rate': 0.25 })).toBe(0.5);
  });

  it('null and wrong kinds give null, never NaN', () => {
    expect(run('1 + x', { x: null })).toBeNull();
    expect(run('"a" + 1')).toBeNull();
    expect(run('1 / 0')).toBeNull();
    expect(run('x = null', { x: undefined })).toBe(true);
    expect(run('1 < "a"')).toBeNull();
  });

  it('three-valued logic, comparisons and if', () => {
    expect(run('x and false', { x: null })).toBe(false);
    expect(run('x or false', { x: null })).toBeNull();
    expect(run('if 3 >= 2 then "y" else "n"')).toBe('y');
    expect(run('not(1 = 1)')).toBe(false);
  });

  it('calls functions with their own parameters', () => {
    const pmt = [{ name: 'PMT', params: ['p', 'r', 'n'], body: '(p*r/12)/(1-(1+r/12)**-n)' }];
    const v = run(
      'PMT(L.amount, L.rate, L.term) + fee',
      { L: { amount: 600000, rate: 0.0375, term: 360 }, fee: 100 },
      pmt,
    );
    expect(v as number).toBeCloseTo(2878.69354943277, 9);
  });

  it('errors name the place', () => {
    const bad = compileFeelExpression('1 +', []);
    expect(bad.ok).toBe(false);
    const unknown = compileFeelExpression('Salary * 2', ['Monthly Salary']);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.en).toMatch(/unknown name: Salary/);
    const fn = compileFeelExpression('f(1)', []);
    expect(fn.ok).toBe(false);
  });
});
