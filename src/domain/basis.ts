import { z } from 'zod';

export const BASIS_KINDS = ['law', 'firmPractice'] as const;

/**
 * Where a rule comes from: the law (a regulation's article, which the firm may not relax) or the
 * firm's own practice (a choice it may change and must be able to show as its own). Shown on the
 * rule in the studio and mapped in each pack's README.
 */
export const BasisSchema = z.strictObject({
  kind: z.enum(BASIS_KINDS),
  /** The article or source, e.g. `CSRC 2017 Art. 22(5)` or `SAC guideline`. */
  citation: z.string().optional(),
});
export type Basis = z.infer<typeof BasisSchema>;
