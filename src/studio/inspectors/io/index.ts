export { InputInspector } from './InputInspector.tsx';
export { OutputInspector } from './OutputInspector.tsx';
