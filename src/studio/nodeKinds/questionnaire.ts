import { defineMessages } from '../i18n/index.tsx';
import { QuestionnaireNodeView } from '../graph/nodeViews/QuestionnaireNodeView.tsx';
import { QuestionnaireInspector } from '../inspectors/questionnaire/index.ts';
import type { NodeKindEntry } from './types.ts';

export const questionnaireEntry: NodeKindEntry<'questionnaire'> = {
  kind: 'questionnaire',
  icon: '☰',
  color: '#2f7fd1',
  label: defineMessages({
    'zh-CN': { name: '问卷评分', hint: '按题目、维度和总分为答案计分，处理一票否决' },
    en: {
      name: 'Questionnaire',
      hint: 'Scores answers per question, dimension and total; knock-outs',
    },
  }),
  NodeView: QuestionnaireNodeView,
  Inspector: QuestionnaireInspector,
  createDefault: (pack, id) => ({
    id,
    kind: 'questionnaire',
    position: { x: 0, y: 0 },
    config: {
      questionnaire: pack.questionnaires[0]?.id ?? 'questionnaire',
      knockoutZeroesScore: true,
    },
  }),
  handles: { target: true, source: true },
};
