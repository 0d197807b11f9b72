import fc from "fast-check";

/**
 * The fast-check parameters of every property test in the repository, so a seed means the same
 * thing everywhere. A fixed seed by default: `pnpm test` checks the same cases on every machine and
 * a red run is red again. DEXT_FC_SEED runs other cases; DEXT_FC_PATH, with the seed a failure
 * printed, replays that failure's case at once (then shrinks it again).
 */
export const DEFAULT_SEED = 20_261_202;

/**
 * @param {number} numRuns
 * @param {{ budgetMs?: number, runTimeoutMs?: number }} [options]
 */
export function propertyRuns(numRuns, options = {}) {
  const seedText = process.env.DEXT_FC_SEED ?? "";
  const seed = seedText === "" ? DEFAULT_SEED : Number(seedText);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`DEXT_FC_SEED must be an integer, not ${JSON.stringify(seedText)}`);
  const path = process.env.DEXT_FC_PATH ?? "";
  const plugins = [];
  // Ends the run, shrinking included, before the test's own timeout would: fast-check then
  // reports its seed, path and best counterexample so far, where Vitest would only say "timed out".
  if (options.budgetMs !== undefined) plugins.push(fc.interruptAfterTimeLimit(options.budgetMs, { failOnInterrupt: true }));
  // A case that never ends fails as a hang, with its seed and path, instead of stalling the suite.
  if (options.runTimeoutMs !== undefined) plugins.push(fc.timeout(options.runTimeoutMs));
  return { numRuns, seed, ...(path === "" ? {} : { path }), ...(plugins.length === 0 ? {} : { plugins }) };
}

/**
 * `text` quoted, cut after `max` characters with its length said: a counterexample of megabytes
 * would otherwise fill the failure message.
 * @param {string} text
 * @param {number} [max]
 */
export function abbreviate(text, max = 160) {
  return text.length <= max ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, max))}… (${text.length.toLocaleString("en")} characters)`;
}
