import { locateJson, type TextPosition } from '../domain/index.ts';

/**
 * Finds the line of JSON paths in a file's text, for problems the engine reports by path only.
 * The map is built once per file, on first use.
 */
export function pathLocator(text: string): (path: string) => TextPosition | undefined {
  let locations: Map<string, TextPosition> | undefined;
  return (path) => {
    if (!locations) {
      const located = locateJson(text);
      locations = located.ok ? located.locations : new Map();
    }
    // A path the file does not spell out (a default) is placed at its nearest written ancestor.
    for (let p = path; p.length > 0;) {
      const hit = locations.get(p);
      if (hit) return hit;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return locations.get('$');
      p = p.slice(0, cut);
    }
    return undefined;
  };
}

/** `file:line:column` when the position is known, else `file`. */
export function place(file: string, at: TextPosition | undefined): string {
  return at ? `${file}:${at.line}:${at.column}` : file;
}
