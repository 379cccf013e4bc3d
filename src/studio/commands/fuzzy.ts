/**
 * Scores how well `query` matches `text` as a subsequence (case-insensitive): consecutive letters
 * and letters at word starts score higher. `null` when some query letter is not found in order.
 * Works for Chinese too: each character is a letter.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    if (ch === ' ') continue;
    const at = t.indexOf(ch, from);
    if (at < 0) return null;
    const wordStart = at === 0 || /[\s\-_/.:(（]/.test(t[at - 1] ?? '');
    score += 1 + (at === previous + 1 ? 3 : 0) + (wordStart ? 2 : 0);
    previous = at;
    from = at + 1;
  }
  // Among equal matches, the shorter text is the closer one.
  return score - t.length / 100;
}

/** Items that match, best first; ties keep their order. */
export function fuzzyFilter<T>(
  query: string,
  items: readonly T[],
  textOf: (item: T) => string,
): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((x): x is { item: T; index: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.item);
}
