export { MatchInspector } from './MatchInspector.tsx';
