export { RulesInspector } from './RulesInspector.tsx';
export { ConditionGroup, operatorMessages } from './ConditionBuilder.tsx';
export { factChoices } from './conditionModel.ts';
export type { FactChoice } from './conditionModel.ts';
export { levelText, labelWithoutId } from '../common/levelText.ts';
