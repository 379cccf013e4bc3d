import { compilePack } from '../../engine/index.ts';
import type { Db } from '../db/index.ts';
import { packOfRow } from '../packs/store.ts';
import { sharedPass, ShelfSource } from './packSource.ts';

/** The channel the publish route notifies on, with `<packId>@<version>` as payload. */
export const PACK_PUBLISHED = 'pack_published';

type Row = { pack_id: string; version: string; hash: string; pack: unknown };

/**
 * The workspace's published versions (`published_versions`), compiled once each. It hears new
 * publications on `pack_published`: on PostgreSQL a LISTEN connection, so a publish on one replica
 * reaches every other; on embedded PGlite the same NOTIFY of the publish transaction, delivered
 * in-process when it commits. Each notice loads whatever is not yet on the shelf, so a missed
 * notice is made up by the next one or by the periodic check.
 */
export class PublishedPackSource extends ShelfSource {
  /** `packId@version` of every version on the shelf or known not to compile. */
  private readonly known = new Set<string>();
  private stopListening: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly onProblem: (where: string, e: unknown) => void = () => {},
  ) {
    super();
  }

  /** Loads what is published, then listens; `checkEveryMs` is the safety net for lost notices. */
  async start(checkEveryMs = 30_000): Promise<void> {
    await this.refresh();
    const refresh = () => void this.refresh().catch((e: unknown) => this.onProblem('refresh', e));
    this.stopListening = await this.db.listen(PACK_PUBLISHED, refresh);
    if (checkEveryMs > 0) {
      this.timer = setInterval(refresh, checkEveryMs);
      this.timer.unref();
    }
  }

  /** Loads the versions not yet on the shelf; calls during one pass cause one more pass. */
  readonly refresh: () => Promise<void> = sharedPass(() => this.loadNew());

  private async loadNew(): Promise<void> {
    const { rows: index } = await this.db.query<{ pack_id: string; version: string }>(
      'SELECT pack_id, version FROM published_versions',
    );
    const missing = index.filter((r) => !this.known.has(`${r.pack_id}@${r.version}`));
    if (missing.length === 0) return;
    const { rows } = await this.db.query<Row>(
      `SELECT pack_id, version, hash, pack FROM published_versions
        WHERE (pack_id || '@' || version) = ANY($1::text[])`,
      [missing.map((r) => `${r.pack_id}@${r.version}`)],
    );
    for (const row of rows) {
      const where = `${row.pack_id}@${row.version}`;
      this.known.add(where);
      try {
        this.shelf.add({
          packId: row.pack_id,
          version: row.version,
          hash: row.hash,
          compiled: compilePack(packOfRow(row.pack, where)),
        });
      } catch (e) {
        this.onProblem(where, e);
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.stopListening?.();
  }
}
