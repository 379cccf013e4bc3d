// The engine parts the inspectors' pickers read, re-exported from the engine's public index.
export type { Problem, ValueType } from '../../../engine/index.ts';
export {
  typeFits,
  describeType,
  orderGraph,
  kindOf,
  factType,
  answerType,
  CONTEXT_TYPE,
} from '../../../engine/index.ts';
