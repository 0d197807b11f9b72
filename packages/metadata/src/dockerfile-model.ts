import { posix } from "node:path";
import { MAX_DOCKERFILE_INSTRUCTIONS, MAX_EXPANDED_TOTAL } from "./input-limits.ts";
import { Arg, DockerfileParser, Env, From } from "dockerfile-ast";
import type { Instruction } from "dockerfile-ast";
import { expandWord, splitWords } from "./dockerfile-words.ts";
import type { Expansion } from "./dockerfile-words.ts";
import { Scope } from "./dockerfile-scope.ts";
import { variableReferences } from "./dockerfile-variables.ts";
import type { VariableReference } from "./dockerfile-variables.ts";
import { machinePlatform, platformArgs } from "./build-platform.ts";

export interface Step {
  /** Upper case: "COPY", "LABEL"… */
  keyword: string;
  /** 1-based line of the instruction's first line. */
  line: number;
  instruction: Instruction;
  /** Variables in effect for this instruction. */
  scope: Scope;
  /** Absolute working directory in effect for this instruction. */
  workdir: string;
  /** The variables the instruction refers to, with their lines. */
  variables: VariableReference[];
}

export interface Stage {
  index: number;
  /** The `AS name`, lower-cased as Docker compares it. */
  name: string | undefined;
  line: number;
  /** The FROM image after ARG substitution: an image reference or an earlier stage's name. */
  base: string;
  /** The earlier stage this one is built FROM, if any. */
  parent: Stage | undefined;
  /** The `--platform` value as written, e.g. "$BUILDPLATFORM". */
  platform: string | undefined;
  steps: Step[];
  /** Scope and working directory after the last instruction, inherited by child stages. */
  endScope: Scope;
  endWorkdir: string;
}

/** An ARG or ENV value dext did not keep whole: cut at MAX_EXPANDED_LENGTH, or `emptied` past MAX_EXPANDED_TOTAL. */
interface TruncatedValue {
  name: string;
  line: number;
  emptied: boolean;
}

export interface DockerfileModel {
  file: string;
  escapeChar: string;
  stages: Stage[];
  /** Every variable name any instruction (FROM flags included) refers to. */
  referencedVariables: ReadonlySet<string>;
  /** Names of the ARGs declared before the first FROM, which stages only see when they re-declare them. */
  globalArgs: ReadonlySet<string>;
  /** ARG and ENV values not kept whole, at the first line per name. */
  truncated: TruncatedValue[];
  /** Instructions past MAX_DOCKERFILE_INSTRUCTIONS, which the model leaves out: from which line, how many. */
  unchecked: { line: number; count: number } | undefined;
}

/**
 * Parses a Dockerfile (with the dockerfile-ast parser) into stages with their variables, for a build
 * of `platform` (BuildKit's platform ARGs; `--build-arg TARGETARCH=…` still wins), by default this
 * machine's, as `docker build` without `--platform`.
 */
export function readDockerfile(
  text: string,
  file: string,
  buildArgs: ReadonlyMap<string, string> = new Map(),
  platform: string = machinePlatform(),
): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const escapeChar = dockerfile.getEscapeCharacter();
  const platformValues = platformArgs(platform);
  for (const [name, value] of buildArgs) if (platformValues.has(name)) platformValues.set(name, value);
  let globals = new Scope(platformValues, new Map());
  const stages: Stage[] = [];
  const referenced = new Set<string>();
  const globalArgs = new Set<string>();
  const truncated: TruncatedValue[] = [];
  let line = 0;
  // Scopes share their strings, so this bounds the memory of every ARG and ENV value together.
  let budget = MAX_EXPANDED_TOTAL;
  const expand: Expand = (raw, scope, name) => {
    const spent = budget < 0;
    const expansion = spent
      ? { value: "", unresolved: [], truncated: true as const }
      : expandWord(raw, scope.lookup, escapeChar);
    budget -= expansion.value.length;
    if (expansion.truncated === true && !truncated.some((entry) => entry.name === name))
      truncated.push({ name, line, emptied: spent });
    return expansion;
  };

  const instructions = dockerfile.getInstructions();
  const skipped = instructions.slice(MAX_DOCKERFILE_INSTRUCTIONS);
  for (const instruction of instructions.slice(0, MAX_DOCKERFILE_INSTRUCTIONS)) {
    line = instruction.getRange().start.line + 1;
    const variables = variableReferences(instruction, escapeChar);
    for (const variable of variables) referenced.add(variable.name);
    const current = stages.at(-1);
    if (instruction instanceof From) {
      stages.push(newStage(instruction, stages, globals, escapeChar));
    } else if (current === undefined) {
      // Only ARG may precede the first FROM; its values serve FROM lines and re-declarations.
      if (instruction instanceof Arg) {
        globals = declareArgs(instruction, globals, globals, buildArgs, expand);
        for (const property of instruction.getProperties()) globalArgs.add(property.getName());
      }
    } else {
      const step: Step = {
        keyword: instruction.getKeyword().toUpperCase(),
        line: instruction.getRange().start.line + 1,
        instruction,
        scope: current.endScope,
        workdir: current.endWorkdir,
        variables,
      };
      current.steps.push(step);
      if (instruction instanceof Arg)
        current.endScope = declareArgs(instruction, current.endScope, globals, buildArgs, expand);
      else if (instruction instanceof Env) current.endScope = setEnv(instruction, current.endScope, expand);
      else if (step.keyword === "WORKDIR") current.endWorkdir = changeDirectory(step, escapeChar);
    }
  }
  const firstSkipped = skipped[0];
  const unchecked =
    firstSkipped === undefined ? undefined : { line: firstSkipped.getRange().start.line + 1, count: skipped.length };
  return { file, escapeChar, stages, referencedVariables: referenced, globalArgs, truncated, unchecked };
}

function newStage(from: From, stages: readonly Stage[], globals: Scope, escapeChar: string): Stage {
  const base = expandWord(from.getImage() ?? "", globals.lookup, escapeChar).value;
  const parent = stages.find((stage) => stage.name !== undefined && stage.name === base.toLowerCase());
  return {
    index: stages.length,
    name: from.getBuildStage()?.toLowerCase() ?? undefined,
    line: from.getRange().start.line + 1,
    base,
    parent,
    platform: from.getPlatformFlag()?.getValue() ?? undefined,
    steps: [],
    endScope: parent === undefined ? new Scope(new Map(), new Map()) : parent.endScope.forChildStage(),
    endWorkdir: parent?.endWorkdir ?? "/",
  };
}

type Expand = (raw: string, scope: Scope, name: string) => Expansion;

function declareArgs(
  arg: Arg,
  scope: Scope,
  globals: Scope,
  buildArgs: ReadonlyMap<string, string>,
  expand: Expand,
): Scope {
  let next = scope;
  // `ARG NAME` without a value takes the global ARG's value (or BuildKit's, for platform names).
  for (const property of arg.getProperties()) {
    const name = property.getName();
    const raw = property.getUnescapedValue();
    const declared = raw === null ? (globals.lookup(name) ?? null) : expand(raw, next, name).value;
    next = next.withArg(name, buildArgs.get(name) ?? declared);
  }
  return next;
}

function setEnv(env: Env, scope: Scope, expand: Expand): Scope {
  let next = scope;
  for (const property of env.getProperties()) {
    // Each value sees the variables as they were before this ENV line, as Docker does.
    const name = property.getName();
    next = next.withEnv(name, expand(property.getUnescapedValue() ?? "", scope, name).value);
  }
  return next;
}

function changeDirectory(step: Step, escapeChar: string): string {
  const words = splitWords(step.instruction.getArgumentsContent() ?? "", escapeChar);
  const target = expandWord(words.join(" "), step.scope.lookup, escapeChar).value;
  return target === "" ? step.workdir : posix.resolve(step.workdir, target);
}

/** The final stage and the earlier stages it is built FROM, final first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | undefined = stage; current !== undefined; current = current.parent) chain.push(current);
  return chain;
}

/** Every step of the stage, including those of the stages it is built FROM, in build order. */
export function inheritedSteps(stage: Stage): Step[] {
  return stageChain(stage)
    .reverse()
    .flatMap((member) => member.steps);
}
