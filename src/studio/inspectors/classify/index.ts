export { ClassifyInspector } from './ClassifyInspector.tsx';
