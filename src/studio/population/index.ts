export { ThresholdWhatIf } from './ThresholdWhatIf.tsx';
export { RulerHistogram } from './RulerHistogram.tsx';
export { setWhatIfPreview } from './whatIfPreview.ts';
// The client-file reader (parser, column mapping, bad rows by line) and what it loaded, per pack:
// the Versions tab's impact analysis runs on the same file.
export { LoadPanel } from './LoadPanel.tsx';
export { useLoadedClients } from './populationStore.ts';
