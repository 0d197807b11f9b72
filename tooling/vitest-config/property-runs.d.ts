import type { UniversalPlugin } from "fast-check";

/** The seed every property runs with unless DEXT_FC_SEED names another. */
export declare const DEFAULT_SEED: number;

export interface PropertyRunOptions {
  /** The whole run's time budget, below the test's timeout: past it the property fails with its seed. */
  budgetMs?: number;
  /** One case's time limit (async properties only): past it the case fails as a hang. */
  runTimeoutMs?: number;
}

/** Parameters for `fc.assert`. */
export interface PropertyRuns {
  numRuns: number;
  seed: number;
  /** Set from DEXT_FC_PATH: only the failing case runs, so checks over a whole run's cases do not apply. */
  path?: string;
  plugins?: UniversalPlugin[];
}

/** `numRuns` cases from the repository's seed (DEXT_FC_SEED) and, to replay one case, DEXT_FC_PATH. */
export declare function propertyRuns(numRuns: number, options?: PropertyRunOptions): PropertyRuns;

/** `text` quoted, cut after `max` characters (default 160) with its length said. */
export declare function abbreviate(text: string, max?: number): string;
