import { access, constants, readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** Reads the attendee's files, relative to their extension folder. */
export class ExtensionFiles {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  path(file: string): string {
    return join(this.dir, file);
  }

  async text(file: string): Promise<string | undefined> {
    return readFile(this.path(file), "utf8").catch(() => undefined);
  }

  async json(file: string): Promise<unknown> {
    const text = await this.text(file);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  async exists(file: string): Promise<boolean> {
    return access(this.path(file)).then(
      () => true,
      () => false,
    );
  }

  async executable(file: string): Promise<boolean> {
    return access(this.path(file), constants.X_OK).then(
      () => true,
      () => false,
    );
  }

  /** Source files under a folder, tests left out: what ships. */
  async sources(folder: string, pattern = /\.(ts|tsx)$/): Promise<string[]> {
    const root = this.path(folder);
    const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
    return entries
      .filter(
        (entry) =>
          pattern.test(entry) && !/\.test\.|\.test-d\./.test(entry) && !entry.split("/").includes("node_modules"),
      )
      .map((entry) => relative(this.dir, join(root, entry)))
      .sort();
  }
}
