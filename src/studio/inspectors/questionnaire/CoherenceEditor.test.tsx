import { describe, expect, it } from 'vitest';
import { renderInspector } from '../../../testing/renderInspector.tsx';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { QuestionnaireInspector } from './QuestionnaireInspector.tsx';

describe('coherence rules in the questionnaire inspector', () => {
  it("lists the pack's rules with their clauses, in both languages", () => {
    const pack = loadStarterPack('cn-bank-wealth');
    const zh = renderInspector(QuestionnaireInspector, pack, 'assessment').html;
    expect(zh).toContain('答案一致性规则');
    expect(zh).toContain('data-rule="noExperienceButDerivatives"');
    expect(zh).toContain('data-clause="Q6"');
    expect(zh).toContain('data-clause="Q7"');
    expect(zh).toContain('公司做法');
    const en = renderInspector(QuestionnaireInspector, pack, 'assessment', 'en').html;
    expect(en).toContain('Coherence rules');
    expect(en).toContain('firm practice');
  });
});
