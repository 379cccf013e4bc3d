export { PackEditor } from './PackEditor.tsx';
export type { PackEditorProps } from './PackEditor.tsx';
