export { QuestionnaireInspector } from './QuestionnaireInspector.tsx';
export { questionnaireRange, questionRange, pointsRange } from './scoreRange.ts';
export type { ScoreRange } from './scoreRange.ts';
