import './inspector.css';

export type { InspectorProps, PackPartInspectorProps, Dispatch, Problem } from './types.ts';
export { NumberField } from './NumberField.tsx';
export { LocalizedField } from './LocalizedField.tsx';
export { RefPicker } from './RefPicker.tsx';
export { scopeRefs, upstreamOf, nodeOutputs } from './scopeRefs.ts';
export type { RefOption, RefGroup } from './scopeRefs.ts';
export { nodePath } from './paths.ts';
export { SelectField, CheckField, CheckList } from './ChoiceFields.tsx';
export type { SelectFieldProps, CheckFieldProps } from './ChoiceFields.tsx';
export { RowControls } from './RowControls.tsx';
export type { RowControlsProps } from './RowControls.tsx';
export { levelText, labelWithoutId } from './levelText.ts';
export { scaleChoices, levelChoices } from './choiceNames.ts';
export { refWords } from './refWords.ts';
export type { Choices } from './choiceNames.ts';
