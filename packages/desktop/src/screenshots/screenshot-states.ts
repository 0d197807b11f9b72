import { ScreenshotError } from "./screenshot-error.ts";

/** One action on the extension's tab before a capture. */
export type ScreenshotStep =
  { kind: "click"; name: string } | { kind: "fill"; label: string; value: string } | { kind: "wait"; text: string };

/** A named view of the tab: the steps that lead to it from a freshly opened tab. */
export interface ScreenshotState {
  name: string;
  steps: readonly ScreenshotStep[];
}

/** The tab as it opens, captured before any state. */
export const FIRST_VIEW: ScreenshotState = { name: "first-view", steps: [] };

// A state's name becomes part of a file name, so it may not carry a path separator or a dot.
const STATE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const STATE_SYNTAX = `--state "<name>:<step>[;<step>...]", steps: click=<accessible name>, fill=<label>=<value>, wait=<text>`;

/** Reads `--state "after-run:click=Run hello.sh;wait=hello"`. */
export function parseStateOption(option: string): ScreenshotState {
  const colon = option.indexOf(":");
  if (colon < 0) throw stateError(option, "it has no ':' between the name and the steps");
  const name = option.slice(0, colon).trim();
  if (!STATE_NAME.test(name))
    throw stateError(option, `its name "${name}" is not lower-case letters, digits and '-' (at most 64)`);
  if (name === FIRST_VIEW.name) throw stateError(option, `"${name}" is the tab as it opens, captured always`);
  const texts = option
    .slice(colon + 1)
    .split(";")
    .map((text) => text.trim());
  if (texts.every((text) => text === "")) throw stateError(option, "it has no step");
  return { name, steps: texts.filter((text) => text !== "").map((text) => parseStep(option, text)) };
}

function parseStep(option: string, text: string): ScreenshotStep {
  const equals = text.indexOf("=");
  const kind = equals < 0 ? text : text.slice(0, equals);
  const argument = equals < 0 ? "" : text.slice(equals + 1);
  if (equals < 0 || argument === "") throw stateError(option, `step "${text}" is not <kind>=<target>`);
  switch (kind) {
    case "click":
      return { kind, name: argument };
    case "wait":
      return { kind, text: argument };
    case "fill": {
      const split = argument.indexOf("=");
      if (split <= 0) throw stateError(option, `step "${text}" is not fill=<label>=<value>`);
      return { kind, label: argument.slice(0, split), value: argument.slice(split + 1) };
    }
    default:
      throw stateError(option, `step "${text}" has the unknown kind "${kind}"`);
  }
}

/** Each state's name once, so no two states write the same files. */
export function uniqueStates(states: readonly ScreenshotState[]): ScreenshotState[] {
  const seen = new Set<string>();
  for (const state of states) {
    if (seen.has(state.name))
      throw new ScreenshotError("state_syntax", `--state: the name "${state.name}" is given twice`);
    seen.add(state.name);
  }
  return [...states];
}

/** How a step reads in a message: as it was written. */
export function describeStep(step: ScreenshotStep): string {
  switch (step.kind) {
    case "click":
      return `click=${step.name}`;
    case "fill":
      return `fill=${step.label}=${step.value}`;
    case "wait":
      return `wait=${step.text}`;
  }
}

function stateError(option: string, problem: string): ScreenshotError {
  return new ScreenshotError("state_syntax", `--state "${option}": ${problem}; the syntax is ${STATE_SYNTAX}`);
}
