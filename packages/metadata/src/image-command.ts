import { stageChain } from "./dockerfile-model.ts";
import type { Stage } from "./dockerfile-model.ts";
import { execForm } from "./dockerfile-words.ts";

/** What a shell-form instruction runs in when no SHELL instruction says otherwise. */
const DEFAULT_SHELL: readonly string[] = ["/bin/sh", "-c"];

/**
 * What a container of the stage's image runs: ENTRYPOINT then CMD, each inherited through
 * `FROM <stage>`, as BuildKit sets them. The exec form is its words, unexpanded; the shell form is
 * the stage's SHELL (`/bin/sh -c`) followed by the text as written. An ENTRYPOINT clears the CMD
 * unless that CMD was set earlier in the same stage. Undefined when neither is set (a base image's
 * own command is not known without pulling it).
 */
export function stageCommand(stage: Stage): string[] | undefined {
  let shell = DEFAULT_SHELL;
  let cmd: readonly string[] | undefined;
  let entrypoint: readonly string[] | undefined;
  for (const member of stageChain(stage).reverse()) {
    let cmdSet = false;
    for (const step of member.steps) {
      // Only these three are read; the arguments of every other step are not worth parsing.
      if (step.keyword !== "SHELL" && step.keyword !== "CMD" && step.keyword !== "ENTRYPOINT") continue;
      const text = step.instruction.getArgumentsContent() ?? "";
      if (step.keyword === "SHELL") {
        shell = execForm(text) ?? shell;
      } else if (step.keyword === "CMD") {
        cmd = execForm(text) ?? [...shell, text];
        cmdSet = true;
      } else {
        entrypoint = execForm(text) ?? [...shell, text];
        if (!cmdSet) cmd = undefined;
      }
    }
  }
  const words = [...(entrypoint ?? []), ...(cmd ?? [])];
  return words.length === 0 ? undefined : words;
}
