import { parseArgs } from "node:util";
import { bundleBackend, watchBackend } from "./bundle-backend.ts";

const usage = "Usage: dext-bundle-backend <entry.ts> --outfile <file.js> | <name=entry.ts>... --outdir <dir> [--watch]";

/** `dext-bundle-backend`: a backend's bundle from a package.json script; exit code 2 on bad usage, 1 on a failed build. */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { outfile: { type: "string" }, outdir: { type: "string" }, watch: { type: "boolean", default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`dext-bundle-backend: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const named = positionals.every((entry) => entry.includes("="));
  if (positionals.length === 0 || (values.outfile === undefined) === (values.outdir === undefined)) {
    console.error(`dext-bundle-backend: name the entries and either --outfile or --outdir\n${usage}`);
    return 2;
  }
  const entryPoints = named
    ? Object.fromEntries(
        positionals.map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)]),
      )
    : positionals;
  const options = {
    entryPoints,
    ...(values.outfile === undefined ? {} : { outfile: values.outfile }),
    ...(values.outdir === undefined ? {} : { outdir: values.outdir }),
  };
  try {
    if (!values.watch) {
      await bundleBackend(options);
      return 0;
    }
    const watching = await watchBackend(options);
    // As esbuild's own --watch: it ends when stdin closes, so it ends with whoever started it
    // (the dext host's dev mode holds a pipe to it).
    process.stdin.on("end", () => void watching.stop());
    process.stdin.resume();
    return 0;
  } catch {
    // esbuild has printed the errors (logLevel warning).
    return 1;
  }
}
