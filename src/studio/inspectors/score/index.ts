export { ScoreInspector } from './ScoreInspector.tsx';
