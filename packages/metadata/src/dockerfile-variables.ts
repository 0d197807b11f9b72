import type { Instruction } from "dockerfile-ast";

/** A `$NAME` or `${NAME…}` an instruction refers to, with the 1-based line where it is written. */
export interface VariableReference {
  name: string;
  line: number;
}

const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * The variables an instruction's arguments (flags included) refer to. dockerfile-ast's own
 * getVariables resolves each one against every earlier ARG, which is quadratic: a hostile
 * Dockerfile of a hundred thousand ARG lines took minutes. This is one pass over the text and
 * only names the variables; quotes do not matter here, as in getVariables.
 */
export function variableReferences(instruction: Instruction, escapeChar: string): VariableReference[] {
  const text = instruction.getTextContent();
  const references: VariableReference[] = [];
  let line = instruction.getRange().start.line + 1;
  for (let i = instruction.getInstruction().length; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === "\n") line++;
    else if (char === escapeChar && text.charAt(i + 1) === "$") i++;
    else if (char === "$") {
      const start = text.charAt(i + 1) === "{" ? i + 2 : i + 1;
      let end = start;
      while (end < text.length && NAME_CHAR.test(text.charAt(end))) end++;
      if (end > start) references.push({ name: text.slice(start, end), line });
      i = end - 1;
    }
  }
  return references;
}
