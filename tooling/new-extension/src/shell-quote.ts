/** Words a POSIX shell reads as themselves: no quoting needed. */
const BARE = /^[A-Za-z0-9_./:=@%+,-]+$/;

/**
 * One argument for a POSIX shell, to copy and paste: as it is when it is plain, else in single
 * quotes, inside which nothing is special but the single quote itself, written `'\''`.
 */
export function shellQuote(word: string): string {
  if (BARE.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
