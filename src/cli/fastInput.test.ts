import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toInput } from './readers.ts';
import { fastCsvInput } from './fastInput.ts';

const date = fc.oneof(
  fc.constantFrom('2026-06-01', '2024-02-29', '2026-02-30', '2026-13-01', '2026-6-1', 'soon', ''),
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const value = fc.oneof(
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.constant(null),
);
const record = fc.record(
  {
    clientId: fc.oneof(fc.string(), fc.integer()),
    evaluationDate: date,
    assessmentDate: date,
    initiator: fc.constantFrom('client', 'firm', 'bank', ''),
    facts: fc.dictionary(fc.constantFrom('age', 'assets', 'kind'), value),
    answers: fc.dictionary(fc.constantFrom('Q1', 'Q2', 'Q9'), value),
  },
  { requiredKeys: [] },
);

describe('fastCsvInput', () => {
  it('gives what the schema gives, or leaves the record to the schema', () => {
    let taken = 0;
    fc.assert(
      fc.property(record, fc.option(date, { nil: undefined }), (r, fallback) => {
        const fast = fastCsvInput(7, r, fallback);
        if (!fast) return;
        taken++;
        expect(fast).toEqual(toInput(7, r, fallback));
      }),
      { seed: 20260601, numRuns: 3000 },
    );
    // The fast path must carry real rows, not only refuse.
    expect(taken).toBeGreaterThan(100);
  });

  it('takes the plain rows a CSV file holds', () => {
    const r = {
      clientId: 'c1',
      evaluationDate: '2026-06-01',
      facts: { age: 40, kind: 'natural-person', flags: ['a'] },
      answers: { Q1: 'A', Q9: ['B', 'C'], Q17: 35 },
    };
    expect(fastCsvInput(3, r, undefined)).toEqual(toInput(3, r, undefined));
    expect(fastCsvInput(3, r, undefined)).toBeDefined();
  });
});
