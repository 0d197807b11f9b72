/** A COPY of the Dockerfile's final stage: what it puts in the image Desktop runs. */
export interface FinalCopy {
  line: number;
  flags: string[];
  sources: string[];
  destination: string;
}

/**
 * The final stage's COPY instructions, continuation lines joined. Enough for "is this file in the
 * image, executable": the full model (variables, contexts) is @dext/metadata's, which checks the
 * files metadata.json names but not a script only the UI knows about.
 */
export function finalStageCopies(dockerfile: string): FinalCopy[] {
  const instructions: { line: number; text: string }[] = [];
  let pending: { line: number; text: string } | undefined;
  dockerfile.split("\n").forEach((raw, index) => {
    const text = raw.trim();
    if (pending === undefined && (text === "" || text.startsWith("#"))) return;
    const continued = text.endsWith("\\");
    const part = continued ? text.slice(0, -1) : text;
    pending =
      pending === undefined ? { line: index + 1, text: part } : { line: pending.line, text: `${pending.text} ${part}` };
    if (!continued) {
      instructions.push(pending);
      pending = undefined;
    }
  });
  const lastFrom = instructions.findLastIndex((instruction) => /^FROM\s/i.test(instruction.text));
  return instructions.slice(lastFrom + 1).flatMap(({ line, text }) => {
    if (!/^COPY\s/i.test(text)) return [];
    const words = text.split(/\s+/).slice(1);
    const flags = words.filter((word) => word.startsWith("--"));
    const paths = words.filter((word) => !word.startsWith("--"));
    const destination = paths.pop();
    return destination === undefined ? [] : [{ line, flags, sources: paths, destination }];
  });
}

/** Whether a COPY puts a file named `name` at `/<name>` with an executable mode. */
export function copiesExecutable(copy: FinalCopy, name: string): boolean {
  const lands = copy.destination === `/${name}` || (copy.destination === "/" && copy.sources.length > 0);
  const mode = copy.flags.find((flag) => flag.startsWith("--chmod="))?.slice("--chmod=".length);
  return (
    lands &&
    copy.sources.some((source) => source.endsWith(`/${name}`) || source === name) &&
    mode !== undefined &&
    (Number.parseInt(mode, 8) & 0o111) !== 0
  );
}
