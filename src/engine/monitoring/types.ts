import type { FactValue, LocalizedText, Verdict } from '../../domain/index.ts';

/** One position of a client: how much of a product they hold, and since when. */
export type Holding = { clientId: string; productId: string; amount: number; since: string };

/** What a client's earlier result said, as `suitability evaluate` wrote it (JSONL). */
export type PreviousResult = {
  outputs: Record<string, FactValue>;
  flags: string[];
  verdicts: Record<string, Verdict>;
};

/** Verdict key of a product a version does not have (as in impact analysis). */
export type VerdictKey = Verdict | 'absent';

export type ProductChange = { product: string; from: VerdictKey; to: VerdictKey };

/** (a) A client whose level, professional status or a product verdict changed, and why. */
export type ClientChange = {
  clientId: string;
  index: number;
  line?: number;
  levelBefore: string | null;
  levelAfter: string | null;
  professionalBefore: boolean | null;
  professionalAfter: boolean | null;
  products: ProductChange[];
  reasons: LocalizedText[];
};

/** (b) A holding whose product the client's current result does not allow outright. */
export type UnsuitableHolding = Holding & {
  index: number;
  verdict: VerdictKey;
  /** The verdict before (previous version or results); null without a baseline. */
  verdictBefore: VerdictKey | null;
  /** Suitable before, not now. */
  newlyUnsuitable: boolean;
};

export type ProductExposure = {
  product: string;
  holdings: number;
  clients: number;
  amount: number;
};
export type ClientExposure = { clientId: string; index: number; holdings: number; amount: number };

export type ExpiryKind = 'assessment' | 'professional' | 'age';
/** `expired` / `expiring` (within the window); for age, `crossed` / `within-a-year`. */
export type ExpiryStatus = 'expired' | 'expiring' | 'crossed' | 'within-a-year';

/** (c) An assessment or professional status running out, or an age threshold reached. */
export type ExpiryItem = {
  clientId: string;
  index: number;
  kind: ExpiryKind;
  status: ExpiryStatus;
  /** The last valid day (assessment, professional status). */
  date?: string;
  /** The age the pack's rule starts at. */
  threshold?: number;
  text: LocalizedText;
};

/** (d) One holder of a product whose rating changed. */
export type RatingHolder = {
  product: string;
  clientId: string;
  index: number;
  amount: number;
  verdictBefore: VerdictKey | null;
  verdictAfter: VerdictKey;
};

/** (d) A product whose rating (risk, horizon or variety) differs between baseline and current. */
export type RatingChange = {
  product: string;
  name: LocalizedText;
  fields: { field: 'risk' | 'horizon' | 'variety'; from: string | null; to: string | null }[];
  text: LocalizedText[];
  holders: number;
  amount: number;
};

/** A client the current version could not evaluate (bad input, a gap in the pack). */
export type MonitorError = {
  clientId: string | undefined;
  index: number;
  line?: number;
  code: string;
  message: LocalizedText;
};

/** What one worker (or one pass) found over its clients; parts merge into a report. */
export type MonitorPart = {
  clients: number;
  baselineMissing: number;
  holdingsSeen: number;
  errors: MonitorError[];
  changes: ClientChange[];
  unsuitable: UnsuitableHolding[];
  byProduct: Record<string, ProductExposure>;
  byClient: ClientExposure[];
  expiring: ExpiryItem[];
  ratingHolders: RatingHolder[];
};

export type MonitorReport = Omit<MonitorPart, 'byProduct'> & {
  asOf: string;
  windowEnd: string;
  byProduct: ProductExposure[];
  ratingChanges: RatingChange[];
};
