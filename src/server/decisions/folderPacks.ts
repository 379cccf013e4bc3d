import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  formatPackError,
  lt,
  parseVerifiedPack,
  verifyPackHash,
  verifyPackSignature,
  type LocalizedText,
  type TrustedKey,
} from '../../domain/index.ts';
import { compilePack, PackInvalidError } from '../../engine/index.ts';
import type { ServedVersion } from './decide.ts';
import { sharedPass, ShelfSource } from './packSource.ts';

/** A file of the folder that is not served, and why (located when it can be). */
export type FolderProblem = { file: string; message: LocalizedText };

export type FolderLoad = { served: ServedVersion[]; problems: FolderProblem[] };

/** The pack files of a folder: `*.json` at its top, and `<pack>/pack.json` one level down. */
async function packFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith('.json')) files.push(path);
    else if (entry.isDirectory()) {
      const inner = join(path, 'pack.json');
      if (
        await stat(inner).then(
          (s) => s.isFile(),
          () => false,
        )
      )
        files.push(inner);
    }
  }
  return files.sort();
}

/**
 * Reads, checks and compiles one pack file. With trusted keys, a pack must carry a matching hash
 * and a signature by one of them; without, a stamped hash must still match (a changed file is not
 * the one that was stamped), and an unstamped pack is served under its computed hash.
 */
export async function loadPackFile(
  file: string,
  trusted: readonly TrustedKey[] | undefined,
): Promise<ServedVersion | FolderProblem> {
  const text = await readFile(file, 'utf8');
  const parsed = parseVerifiedPack(text, file);
  if (!parsed.ok) {
    const lines = (locale: string) => parsed.errors.map((e) => formatPackError(e, locale));
    return { file, message: lt(lines('zh-CN').join('；'), lines('en').join('; ')) };
  }
  const pack = parsed.pack;
  let signedBy: string | undefined;
  if (trusted) {
    const check = await verifyPackSignature(pack, trusted);
    if (!check.ok)
      return {
        file,
        message: lt(
          `${check.path}：${check.message['zh-CN']}（${check.code}）`,
          `${check.path}: ${check.message.en} (${check.code})`,
        ),
      };
    signedBy = check.signer;
  }
  try {
    const compiled = compilePack(pack);
    const served: ServedVersion = {
      packId: pack.id,
      version: pack.version,
      hash: verifyPackHash(pack).hash,
      compiled,
    };
    if (signedBy !== undefined) served.signedBy = signedBy;
    return served;
  } catch (e) {
    if (!(e instanceof PackInvalidError)) throw e;
    const errors = e.problems.filter((p) => p.severity === 'error').slice(0, 5);
    return {
      file,
      message: lt(
        errors.map((p) => `${p.path}：${p.message['zh-CN']}`).join('；'),
        errors.map((p) => `${p.path}: ${p.message.en}`).join('; '),
      ),
    };
  }
}

const isProblem = (x: ServedVersion | FolderProblem): x is FolderProblem => 'file' in x;

/**
 * Serves the pack files of a folder (GitOps: the folder is a checkout). Reloading re-reads every
 * file; a file that has become invalid is reported and its pack keeps its last good version, so a
 * bad commit never takes a channel down.
 */
export class FolderPackSource extends ShelfSource {
  private watcher: FSWatcher | undefined;

  constructor(
    readonly dir: string,
    private readonly trusted: readonly TrustedKey[] | undefined,
  ) {
    super();
  }

  /** Reads the folder; concurrent calls share one pass and a change during it causes one more. */
  readonly reload: () => Promise<FolderLoad> = sharedPass(() => this.readAll());

  private async readAll(): Promise<FolderLoad> {
    const served: ServedVersion[] = [];
    const problems: FolderProblem[] = [];
    for (const file of await packFiles(this.dir)) {
      const loaded = await loadPackFile(file, this.trusted).catch((e: unknown): FolderProblem => ({
        file,
        message: lt(`无法读取：${String(e)}`, `cannot read: ${String(e)}`),
      }));
      if (isProblem(loaded)) problems.push({ ...loaded, file: relative(this.dir, file) || file });
      else served.push(loaded);
    }
    for (const s of served) this.shelf.add(s);
    // A pack whose file is gone is withdrawn; a pack whose file is broken keeps its last version.
    if (problems.length === 0) {
      const present = new Set(served.map((s) => `${s.packId}@${s.version}`));
      this.shelf.retain((s) => present.has(`${s.packId}@${s.version}`));
    }
    return { served, problems };
  }

  /** Reloads when a file of the folder changes, after the burst of events an editor or git makes. */
  watch(onReload: (load: FolderLoad) => void, debounceMs = 200): void {
    let timer: NodeJS.Timeout | undefined;
    this.watcher = watch(this.dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.reload().then(onReload), debounceMs);
    });
  }

  close(): void {
    this.watcher?.close();
  }
}
