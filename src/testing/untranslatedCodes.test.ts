import { describe, expect, it } from 'vitest';
import { loadStarterPack } from './starterPackFiles.ts';
import { findUntranslated, untranslatedCodes } from './untranslatedCodes.ts';

const csrc = loadStarterPack('cn-csrc-2017');

describe('untranslated codes', () => {
  it('lists verdicts, flags and English-looking ids, not codes such as C1', () => {
    const codes = untranslatedCodes(csrc).map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['allowed', 'prohibited', 'enhancedProcedure']));
    expect(codes).toEqual(expect.arrayContaining(['unrestricted', 'natural-person', 'years']));
    expect(codes).not.toContain('C1');
    expect(codes).not.toContain('0-1y');
  });

  it('finds a bare code, not one beside its label or inside a longer word', () => {
    const codes = untranslatedCodes(csrc);
    expect(findUntranslated('警示 → allowed', codes)).toEqual(['allowed']);
    expect(findUntranslated('标志：enhancedProcedure', codes)).toContain('enhancedProcedure');
    expect(findUntranslated('无特别要求（unrestricted）', codes)).toEqual([]);
    expect(findUntranslated('disallowedX unrestrictedness', codes)).toEqual([]);
    expect(findUntranslated('于 2026-01-10T09:00:00Z', codes)).toEqual(['ISO time']);
    expect(findUntranslated('改为 {"min": 3}', codes)).toEqual(['JSON']);
  });
});
