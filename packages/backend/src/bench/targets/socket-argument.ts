/** The path after `--socket`, as the Go peer and dext backends take it. */
export function socketArgument(): string {
  const index = process.argv.indexOf("--socket");
  const path = index === -1 ? undefined : process.argv[index + 1];
  if (path === undefined) throw new Error("usage: --socket <path>");
  return path;
}
