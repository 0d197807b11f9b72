/** A rule's line: `target other-target: prerequisites`, not `NAME := value` nor a recipe line. */
const RULE = /^([^\s:#=][^:=#]*?)\s*::?(?!=)/;

/** The targets a Makefile defines (explicit rules only; pattern rules and `.SPECIAL` targets are left out). */
export function makeTargets(text: string): Set<string> {
  const targets = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith("\t")) continue;
    const match = RULE.exec(line);
    if (match === null) continue;
    for (const target of (match[1] ?? "").split(/\s+/)) {
      if (target !== "" && !target.startsWith(".") && !target.includes("%") && !target.includes("$"))
        targets.add(target);
    }
  }
  return targets;
}
