import { UsageError } from "./errors.ts";

/** Runs a node:util parseArgs call, turning its complaints into UsageError. */
export function usageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (cause) {
    throw new UsageError(`${command}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** The one optional folder argument of a command, default ".". */
export function folderArgument(command: string, positionals: string[]): string {
  if (positionals.length > 1) {
    throw new UsageError(`${command} takes one folder, got ${positionals.length}: ${positionals.join(" ")}`);
  }
  return positionals[0] ?? ".";
}

/** `--build-arg NAME=value` (or `NAME`, read from the environment as docker build does). */
export function buildArgMap(
  values: readonly string[] | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of values ?? []) {
    const equals = entry.indexOf("=");
    const name = equals === -1 ? entry : entry.slice(0, equals);
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new UsageError(`--build-arg wants NAME=value, got "${entry}"`);
    const value = equals === -1 ? env[name] : entry.slice(equals + 1);
    if (value !== undefined) map.set(name, value);
  }
  return map;
}

/** `--platform os/arch[/variant]`, as docker build takes it (`linux/arm64`). */
export function platformArgument(value: string): string {
  if (!/^[a-z\d]+\/[a-z\d_]+(?:\/[a-z\d]+)?$/.test(value))
    throw new UsageError(`--platform wants os/arch[/variant] such as linux/arm64, got "${value}"`);
  return value;
}
