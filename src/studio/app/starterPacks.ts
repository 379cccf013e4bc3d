/**
 * The starter packs bundled into the studio, by source (`cn-csrc-2017/pack.json`). They are
 * parsed when seeded, like any other pack read from outside.
 */
const modules = import.meta.glob<unknown>('../../../rule-packs/*/pack.json', {
  eager: true,
  import: 'default',
});

export const STARTER_PACKS: Record<string, unknown> = Object.fromEntries(
  Object.entries(modules).map(([path, pack]) => [path.replace('../../../rule-packs/', ''), pack]),
);
