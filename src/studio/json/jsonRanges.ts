import { locateJson, type TextPosition } from '../../domain/index.ts';

/** 1-based, end exclusive, as Monaco's ranges are. */
export type TextRange = {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
};

const TOKEN = /^("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{[])/;

/**
 * Where each JSON path of a document is, for turning located problems into editor markers.
 * Built once per text; paths that do not exist (a missing field) resolve to the nearest ancestor.
 */
export class JsonRanges {
  private readonly locations: Map<string, TextPosition>;
  private readonly lines: string[];

  constructor(text: string) {
    const located = locateJson(text);
    this.locations = located.ok ? located.locations : new Map();
    this.lines = text.split('\n');
  }

  /** The range of the value's first token at `path` (`$.graph.nodes[3].kind`). */
  rangeOf(path: string): TextRange {
    const at = this.nearest(path);
    const line = this.lines[at.line - 1] ?? '';
    const token = TOKEN.exec(line.slice(at.column - 1))?.[0] ?? ' ';
    return {
      startLineNumber: at.line,
      startColumn: at.column,
      endLineNumber: at.line,
      endColumn: at.column + token.length,
    };
  }

  private nearest(path: string): TextPosition {
    for (let p = path; ;) {
      const hit = this.locations.get(p);
      if (hit) return hit;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return this.locations.get('$') ?? { line: 1, column: 1 };
      p = p.slice(0, cut);
    }
  }
}
