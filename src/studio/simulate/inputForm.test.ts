import { describe, expect, it } from 'vitest';
import { baseClient, buildPack } from '../../testing/fixtures.ts';
import { simulate } from './evaluation.ts';
import {
  checkDraft,
  draftFromInput,
  emptyDraft,
  toInput,
  unitText,
  visibleQuestions,
  withAnswer,
  withFact,
} from './inputForm.ts';

const pack = buildPack((p) => {
  const facts = p.vocabulary.facts as { id: string; required?: boolean }[];
  const age = facts.find((f) => f.id === 'age');
  if (age) age.required = true;
  // A follow-up of the follow-up: shown only when Q5 (itself shown by Q1 = C) is answered B.
  const questions = p.questionnaires[0]?.sections[0]?.questions as unknown[];
  questions.push({
    id: 'Q7',
    type: 'multiple',
    text: { 'zh-CN': '再追问', en: 'Second follow-up' },
    required: true,
    minSelected: 2,
    maxSelected: 2,
    showIf: { op: 'selected', question: 'Q5', options: ['B'] },
    options: [
      { id: 'A', label: { 'zh-CN': 'A', en: 'A' }, points: 0 },
      { id: 'B', label: { 'zh-CN': 'B', en: 'B' }, points: 0 },
      { id: 'C', label: { 'zh-CN': 'C', en: 'C' }, points: 0 },
    ],
  });
});

describe('the client form', () => {
  it('shows a follow-up only while the answer it depends on is given, transitively', () => {
    const shown = visibleQuestions(pack);
    expect(shown({ Q1: 'B' }).has('Q5')).toBe(false);
    expect(shown({ Q1: 'C' }).has('Q5')).toBe(true);
    expect(shown({ Q1: 'C', Q5: 'B' }).has('Q7')).toBe(true);
    // Q1 changes: Q5 hides, and so does Q7 although Q5's old answer is still in the draft.
    expect(shown({ Q1: 'A', Q5: 'B' }).has('Q7')).toBe(false);
  });

  it('submits neither hidden nor empty answers, nor cleared facts', () => {
    let draft = draftFromInput(baseClient({ answers: { Q1: 'C', Q5: 'B', Q7: ['A', 'B'] } }));
    draft = withAnswer(withAnswer(draft, 'Q1', 'A'), 'Q2', []);
    draft = withFact(draft, 'professional', undefined);
    const input = toInput(pack, draft);
    expect(input.answers).toEqual({ Q1: 'A' });
    expect(input.facts).toEqual({ age: 40 });
    expect(input.assessmentDate).toBe('2026-01-10');
  });

  it('says what a client has left to do, by input path', () => {
    const draft = withAnswer(
      withAnswer(withAnswer(emptyDraft('2026-06-01'), 'Q1', 'C'), 'Q5', 'B'),
      'Q7',
      ['A'],
    );
    const problems = checkDraft(pack, {
      ...withFact(draft, 'age', 300),
      assessmentDate: '2027-01-01',
    });
    expect(problems['$.answers.Q2']?.en).toBe('Please answer this question');
    expect(problems['$.answers.Q7']?.en).toBe('Choose 2 to 2 options');
    expect(problems['$.answers.Q1']).toBeUndefined();
    expect(problems['$.facts.age']?.en).toBe('Must be from 0 to 130');
    expect(problems['$.assessmentDate']?.en).toMatch(/after the evaluation date/);
    expect(checkDraft(pack, withFact(draft, 'age', 40.5))['$.facts.age']?.['zh-CN']).toBe(
      '请输入整数',
    );
    expect(checkDraft(pack, emptyDraft(''))['$.evaluationDate']).toBeDefined();
    expect(checkDraft(pack, emptyDraft('2026-06-01'))['$.facts.age']?.en).toBe('Required');
  });

  it('a draft evaluates as the engine evaluates the input; a bad value is an error at its path', () => {
    const ok = simulate(pack, draftFromInput(baseClient()));
    expect(ok.kind).toBe('result');
    if (ok.kind === 'result') expect(ok.result.outputs['level']).toBe('C3');
    const bad = simulate(pack, withAnswer(draftFromInput(baseClient()), 'Q3', 101));
    expect(bad.kind).toBe('error');
    if (bad.kind === 'error') expect(bad.error.path).toBe('$.answers.Q3');
  });

  it('a pack that does not compile is reported, not thrown', () => {
    const broken = buildPack((p) => {
      p.graph.edges.push({ id: 'loop', source: 'out', target: 'in' });
    });
    const outcome = simulate(broken, draftFromInput(baseClient()));
    expect(outcome.kind).toBe('invalid');
  });
});

describe('unitText', () => {
  it('says English units in Chinese, leaves others', () => {
    expect(unitText('years', 'zh-CN')).toBe('年');
    expect(unitText('CNY', 'zh-CN')).toBe('元');
    expect(unitText('years', 'en')).toBe('years');
    expect(unitText('bp', 'zh-CN')).toBe('bp');
  });
});
