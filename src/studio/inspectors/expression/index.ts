export { ExpressionInspector } from './ExpressionInspector.tsx';
