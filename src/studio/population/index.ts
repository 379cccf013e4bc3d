export { ThresholdWhatIf } from './ThresholdWhatIf.tsx';
export { RulerHistogram } from './RulerHistogram.tsx';
export { setWhatIfPreview } from './whatIfPreview.ts';
