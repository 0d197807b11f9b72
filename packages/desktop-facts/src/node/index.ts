// The Node side of Desktop's facts: which docker client and engine stand for Desktop's on this
// machine. Node built-ins only; the browser-safe facts are the package's main entry.
export { composeCliPath, dockerCliPath, engineSocketPath, EngineSocketError } from "./docker-client.ts";
export { engineVersion, ProgramError, runDocker, runProgram } from "./run-program.ts";
export type { ProgramOutput, RunProgramOptions } from "./run-program.ts";
