import type { CommandRunner } from "./docker-cli.ts";

/** Anything with a `write(text)`, such as process.stdout or a test's capture. */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Runs docker for `--image`; tests pass a fake. */
  run?: CommandRunner;
}

/** 0: no errors (warnings allowed); 1: errors found; 2: could not run. */
export const EXIT = { ok: 0, findings: 1, failed: 2 } as const;
