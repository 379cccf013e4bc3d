// The editor API without a language or a feature: the full `monaco-editor` entry also brings
// some 80 grammars and the TypeScript, CSS and HTML services with their workers (~12 MB), and
// the studio only ever edits one JSON document.
import * as monaco from 'monaco-editor/editor';
// What the JSON view uses, and nothing else: the rest (inline completions, sticky scroll, code
// lenses, rename...) serves languages the studio does not edit.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/hover/register';
// The suggest list (Ctrl+Space, schema completions); `features/suggest` is its inline variant.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
// A pack is thousands of lines: Ctrl+G goes to the line an error names (`pack.json:5:14`),
// Ctrl+Shift+O to a key.
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/quickOutline/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/clipboard/register';
// Word-wise moves and deletes, line moves, copies and deletes, Ctrl+D: an editor without them
// surprises anyone who types in it.
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import packSchema from '../../../rule-packs/schema/pack.schema.json';

/** The model URI the schema is bound to: every pack opened in the JSON view uses it. */
export const PACK_MODEL_URI = 'inmemory://suitability/pack.json';

// Monaco is bundled, never fetched from a CDN: the loader hands the React wrapper this copy,
// and the workers are built by Vite from the same package.
self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};
loader.config({ monaco });

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  enableSchemaRequest: false,
  schemas: [{ uri: packSchema.$id, fileMatch: [PACK_MODEL_URI], schema: packSchema }],
});

export { monaco };
