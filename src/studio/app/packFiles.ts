import {
  parseVerifiedPack,
  stampPackHash,
  type Pack,
  type ParsePackResult,
} from '../../domain/index.ts';

/**
 * Reads a chosen file as a pack: JSON syntax, migrations and schema, errors with JSON paths; a
 * file whose content no longer matches its `integrity.hash` is refused.
 */
export async function readPackFile(file: File): Promise<ParsePackResult> {
  return parseVerifiedPack(await file.text(), file.name);
}

/** `<id>-<version>.json` */
export function exportFileName(pack: Pack): string {
  return `${pack.id}-${pack.version}.json`;
}

/** The exported text: the pack with its content hash stamped, two-space indented. */
export function exportText(pack: Pack): string {
  return `${JSON.stringify(stampPackHash(pack), null, 2)}\n`;
}

/** Offers the pack as a download; nothing leaves the machine. */
export function downloadPack(pack: Pack): void {
  const blob = new Blob([exportText(pack)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(pack);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
