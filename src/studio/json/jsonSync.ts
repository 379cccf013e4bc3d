import type { editor as MonacoEditor } from 'monaco-editor';
import { parsePack, type Pack, type PackError } from '../../domain/index.ts';
import type { PackStore } from '../state/index.ts';
import { JsonRanges } from './jsonRanges.ts';
import { monaco } from './monacoSetup.ts';

/** How long typing pauses before the text is parsed and applied. */
export const APPLY_MS = 400;
const MARKER_OWNER = 'suitability';
const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

type Marker = {
  path: string;
  severity: keyof typeof SEVERITY;
  message: string;
  line?: number;
  column?: number;
};

export const packText = (pack: Pack) => `${JSON.stringify(pack, null, 2)}\n`;

/**
 * Keeps the JSON editor and the store in step. Text that parses as a valid pack replaces the
 * pack in the store (one undo step per pause in typing); text that does not is held in the
 * editor with its markers and never reaches the pack, but the store keeps it as unapplied text
 * (so that a reload or a tab switch gives it back). A change made elsewhere (the graph, undo,
 * another tab) replaces the text.
 */
export class JsonSync {
  /** The pack the text shows, as last applied or received. */
  private shown: Pack | null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private errors: PackError[] = [];
  private readonly unsubscribe: () => void;
  private readonly unregisterPending: () => void;

  constructor(
    private readonly editor: MonacoEditor.IStandaloneCodeEditor,
    private readonly packStore: PackStore,
    private readonly onErrors: (errors: PackError[]) => void,
    private locale: string,
  ) {
    this.shown = packStore.state.pack;
    this.unsubscribe = packStore.store.subscribe((s) => this.receive(s.pack));
    // Text typed but not yet applied is applied whenever the store saves or stashes at once.
    this.unregisterPending = packStore.addPendingEdits(() => {
      if (this.timer) this.apply();
    });
    editor.onDidChangeModelContent((event) => {
      if (event.isFlush) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.apply(), APPLY_MS);
    });
    // Undo and redo are the studio's, so that they also take back edits made in the graph;
    // while the text has edits not yet applied, the editor's own undo handles those.
    const { KeyMod, KeyCode } = monaco;
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, () =>
      this.pending() ? editor.trigger('studio', 'undo', null) : packStore.undo(),
    );
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, () =>
      this.pending() ? editor.trigger('studio', 'redo', null) : packStore.redo(),
    );
    // Text held from before (the editor starts with it) gets its errors back.
    if (packStore.state.unappliedText !== null) this.apply();
    else this.showProblems();
  }

  setLocale(locale: string): void {
    this.locale = locale;
    if (this.errors.length > 0) this.showErrors();
    else this.showProblems();
  }

  private pending(): boolean {
    return this.timer !== null || this.errors.length > 0;
  }

  private receive(pack: Pack | null): void {
    if (!pack || pack === this.shown) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.shown = pack;
    const view = this.editor.saveViewState();
    this.editor.getModel()?.setValue(packText(pack));
    if (view) this.editor.restoreViewState(view);
    this.setErrors([]);
    this.showProblems();
  }

  /** Parses the text; applies it when it is a valid pack that differs from the store's. */
  apply(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const text = this.editor.getValue();
    const result = parsePack(text, 'pack.json');
    if (!result.ok) {
      this.packStore.holdText(text);
      this.setErrors(result.errors);
      this.showErrors();
      return;
    }
    this.setErrors([]);
    const current = this.packStore.state.pack;
    if (current && JSON.stringify(current) === JSON.stringify(result.pack)) {
      this.packStore.holdText(null);
      this.showProblems();
      return;
    }
    this.shown = result.pack;
    const dispatched = this.packStore.dispatch({ type: 'replace', pack: result.pack });
    if (!dispatched.ok) {
      // Refused (the store says why): the text stays in the editor, and is kept like typing.
      this.shown = current;
      this.packStore.holdText(text);
    }
    this.showProblems();
  }

  /** Puts the store's pack back in the editor, dropping text that was not applied. */
  revert(): void {
    this.packStore.holdText(null);
    this.shown = null;
    this.receive(this.packStore.state.pack);
  }

  /** Applies what was typed (if valid; else the store keeps it as text) and stops listening. */
  dispose(): void {
    this.unregisterPending();
    if (this.timer) this.apply();
    this.unsubscribe();
  }

  private setErrors(errors: PackError[]): void {
    if (errors.length === 0 && this.errors.length === 0) return;
    this.errors = errors;
    this.onErrors(errors);
  }

  private text(m: { en: string; 'zh-CN': string }): string {
    return this.locale === 'en' ? m.en : m['zh-CN'];
  }

  private showErrors(): void {
    this.setMarkers(
      this.errors.map((e) => ({
        path: e.path,
        severity: 'error',
        message: this.text(e.message),
        // A syntax error has only a position; a schema error has a path, which covers its token.
        ...(e.code === 'json.syntax' && e.line !== undefined && e.column !== undefined
          ? { line: e.line, column: e.column }
          : {}),
      })),
    );
  }

  /** The engine's problems with the applied pack, on the places they name. */
  private showProblems(): void {
    const problems = this.packStore.problemsOf(this.packStore.state.pack);
    this.setMarkers(
      problems.map((p) => ({ path: p.path, severity: p.severity, message: this.text(p.message) })),
    );
  }

  private setMarkers(markers: Marker[]): void {
    const model = this.editor.getModel();
    if (!model) return;
    const ranges = new JsonRanges(model.getValue());
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((m) => ({
        ...(m.line !== undefined && m.column !== undefined
          ? {
              startLineNumber: m.line,
              startColumn: m.column,
              endLineNumber: m.line,
              endColumn: m.column + 1,
            }
          : ranges.rangeOf(m.path)),
        severity: SEVERITY[m.severity],
        message: `${m.path}: ${m.message}`,
      })),
    );
  }
}
