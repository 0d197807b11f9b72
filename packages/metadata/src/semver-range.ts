// Hand-written, not node-semver: Desktop checks api.version with Go's constraint grammar, whose
// operators (!=, =>, =<, ~>) node-semver refuses, so a range Desktop takes would fail here.
// A version part: a number without leading zeros, or a wildcard as in "0.3.x".
const PART = String.raw`(?:0|[1-9]\d*|[xX*])`;
const IDENTIFIERS = String.raw`[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*`;
const VERSION = String.raw`v?${PART}(?:\.${PART}){0,2}(?:-${IDENTIFIERS})?(?:\+${IDENTIFIERS})?`;
const OPERATOR = String.raw`(?:!=|>=|=>|<=|=<|~>|[=<>~^])`;
const COMPARATOR = String.raw`${OPERATOR}?\s*${VERSION}`;

const NUMBER = String.raw`(?:0|[1-9]\d*)`;
const FULL_VERSION = new RegExp(
  String.raw`^v?${NUMBER}\.${NUMBER}\.${NUMBER}(?:-${IDENTIFIERS})?(?:\+${IDENTIFIERS})?$`,
);
const HYPHEN_RANGE = new RegExp(String.raw`^\s*${VERSION}\s+-\s+${VERSION}\s*$`);
// Comparators joined by commas or spaces are ANDed, as in ">= 1.4.7, < 2.0" from Docker's docs.
const AND_LIST = new RegExp(String.raw`^\s*${COMPARATOR}(?:\s*,\s*${COMPARATOR}|\s+${COMPARATOR})*\s*$`);

/**
 * True for a semantic version ("0.3.4", "1.0.0-beta.1") or a constraint expression as Docker's
 * Go tooling reads `com.docker.desktop.extension.api.version`: ">= 0.3.3", ">= 1.4.7, < 2.0",
 * "^0.3", "0.3.x", "1.0 - 2.0", alternatives joined by "||".
 */
export function isSemverOrRange(text: string): boolean {
  const alternatives = text.split("||");
  return alternatives.every((part) => HYPHEN_RANGE.test(part) || AND_LIST.test(part));
}

/** True for a complete version such as "0.1.0" or "1.2.3-rc.1", as the Marketplace wants for a tag. */
export function isFullSemver(text: string): boolean {
  return FULL_VERSION.test(text);
}
