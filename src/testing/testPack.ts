import { parsePack, type Pack } from '../domain/index.ts';
import miniPack from '../domain/fixtures/miniPack.json' with { type: 'json' };

/** The domain's smallest valid pack, parsed, for storage and store tests. */
export function testPack(overrides: Partial<Pack> = {}): Pack {
  const result = parsePack(structuredClone(miniPack));
  if (!result.ok) throw new Error(`fixture does not parse: ${result.errors[0]?.message.en}`);
  return { ...result.pack, ...overrides };
}

/** A fixed clock for deterministic timestamps: each call is one minute later. */
export function fixedClock(start = Date.UTC(2026, 0, 10, 9, 0, 0)): () => string {
  let t = start;
  return () => {
    const at = new Date(t).toISOString();
    t += 60_000;
    return at;
  };
}
