export { ThresholdWhatIf } from './ThresholdWhatIf.tsx';
export { RulerHistogram } from './RulerHistogram.tsx';
export { setWhatIfPreview } from './whatIfPreview.ts';
// The client-file reader (parser, column mapping, bad rows by line) and what it loaded, per pack:
// the Versions tab's impact analysis runs on the same file.
export { LoadPanel } from './LoadPanel.tsx';
export { useLoadedClients } from './populationStore.ts';
// One generator default everywhere: the Versions tab's impact analysis starts from the same
// population as the Population tab.
export { DEFAULT_SEED, generatorDefaults, localDate } from './generatorDefaults.ts';
