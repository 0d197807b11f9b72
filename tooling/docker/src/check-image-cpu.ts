// `node src/check-image-cpu.ts <root> <amd64|arm64>`: every ELF and Mach-O file under <root> (an
// image's file system, as `docker export` writes it) must be for that CPU. Prints one line with the
// counts, then each file that is not, by its path in the image; exit 1 when there is one.
// Windows executables are PE files and not read: Docker Desktop runs the x64 one on Arm too.
import { lstat, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { binaryKind, readHeader } from "./binary-cpu.ts";
import type { BinaryKind } from "./binary-cpu.ts";

interface Found extends BinaryKind {
  path: string;
}

async function* regularFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* regularFiles(path);
    else if (entry.isFile()) yield path;
  }
}

async function binariesUnder(root: string): Promise<Found[]> {
  const found: Found[] = [];
  for await (const path of regularFiles(root)) {
    // Empty files and the like: nothing to read.
    if ((await lstat(path)).size < 8) continue;
    const kind = binaryKind(await readHeader(path));
    if (kind !== undefined) found.push({ ...kind, path: `/${relative(root, path)}` });
  }
  return found;
}

const [root, cpu] = process.argv.slice(2);
if (root === undefined || (cpu !== "amd64" && cpu !== "arm64")) {
  process.stderr.write("usage: check-image-cpu.ts <image root folder> <amd64|arm64>\n");
  process.exit(2);
}
const binaries = await binariesUnder(root);
const wrong = binaries.filter((binary) => binary.cpu !== cpu);
const count = (format: BinaryKind["format"]) => binaries.filter((binary) => binary.format === format).length;
const verdict = wrong.length === 0 ? `all for ${cpu}` : `${wrong.length} not for ${cpu}`;
process.stdout.write(`${count("elf")} ELF and ${count("mach-o")} Mach-O files, ${verdict}\n`);
for (const binary of wrong) process.stdout.write(`  ${binary.path}: ${binary.format} for ${binary.cpu}\n`);
process.exitCode = wrong.length === 0 ? 0 : 1;
