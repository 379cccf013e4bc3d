/**
 * A level as a picker shows it: `C3 稳健型`. Packs often repeat the id in the label
 * (`C3 稳健型` as the label of C3); the id is then not written twice.
 */
export function levelText(id: string, label: string): string {
  if (!label || label === id) return id;
  return label.startsWith(id) ? label : `${id} ${label}`;
}

/** The label without a leading id, for places that show the id on its own. */
export function labelWithoutId(id: string, label: string): string {
  return label.startsWith(id) ? label.slice(id.length).trim() : label;
}
