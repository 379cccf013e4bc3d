import { describe, expect, it } from 'vitest';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { refWords } from './refWords.ts';

const csrc = loadStarterPack('cn-csrc-2017');
const eu = loadStarterPack('eu-mifid2');

describe('refWords', () => {
  it('names a fact by its label', () => {
    const age = csrc.vocabulary.facts.find((f) => f.id === 'age');
    expect(refWords(csrc, 'age')).toEqual(age?.label);
  });

  it('names a node output by the node and the key, or the declared output label', () => {
    expect(refWords(eu, 'controls.advised')).toEqual({
      'zh-CN': '控制与信息完整性：advised',
      en: 'Controls and completeness: advised',
    });
    const ceiling = refWords(csrc, 'policy.scoreCeiling');
    expect(ceiling['zh-CN']).toBe('最低类别与公司政策：得分上限（否决事实视为 0 分）');
    expect(ceiling.en.startsWith('Lowest category and firm policy: Score ceiling')).toBe(true);
  });

  it('says what answers and context are, and leaves an unknown reference as it is', () => {
    expect(refWords(csrc, 'answers.Q15').en).toBe('answer to Q15');
    expect(refWords(csrc, 'context.initiator')['zh-CN']).toBe('评估上下文 initiator');
    expect(refWords(csrc, 'nowhere.flag')).toEqual({ 'zh-CN': 'nowhere.flag', en: 'nowhere.flag' });
  });
});
