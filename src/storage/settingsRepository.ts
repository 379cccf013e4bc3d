import type { z } from 'zod';
import type { StudioDb } from './db.ts';
import { guard } from './errors.ts';

/** Small named values (UI language, seeded starter packs). Values are parsed on read. */
export class SettingsRepository {
  constructor(private readonly db: StudioDb) {}

  /** The stored value, or `undefined` when it is missing or no longer has the expected shape. */
  get<T>(name: string, schema: z.ZodType<T>): Promise<T | undefined> {
    return guard(name, async () => {
      const record = await this.db.settings.get(name);
      if (!record) return undefined;
      const parsed = schema.safeParse(record.value);
      return parsed.success ? parsed.data : undefined;
    });
  }

  set(name: string, value: unknown): Promise<void> {
    return guard(name, async () => {
      await this.db.settings.put({ name, value });
    });
  }
}
