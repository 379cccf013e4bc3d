import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
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

monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  enableSchemaRequest: false,
  schemas: [{ uri: packSchema.$id, fileMatch: [PACK_MODEL_URI], schema: packSchema }],
});

export { monaco };
