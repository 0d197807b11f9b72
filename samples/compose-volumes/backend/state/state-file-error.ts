/**
 * What is wrong with the state file on disk:
 * - `not_a_file`: a folder (or a FIFO, a socket...) in its place;
 * - `unreadable`: the file system refused to read it (permissions, I/O);
 * - `not_json`: garbage, or JSON cut short;
 * - `wrong_shape`: JSON, but not a version 1 state file.
 */
export type StateFileProblem = "not_a_file" | "unreadable" | "not_json" | "wrong_shape";

/**
 * The state file exists but cannot be used. The store then refuses to read or save (so it never
 * overwrites the file) until the file is repaired or removed, or an import replaces it.
 */
export class StateFileError extends Error {
  override readonly name = "StateFileError";
  readonly code = "state_file_unusable";
  readonly problem: StateFileProblem;

  constructor(problem: StateFileProblem, detail: string, options: { cause?: unknown } = {}) {
    super(
      `The saved pins and notes cannot be read: state.json in the extension's state volume ${detail}. ` +
        "Nothing is saved until it is repaired or removed (it is read again on every request); " +
        "importing an exported state replaces it, keeping the unreadable file beside it as state.json.bad-<time>.",
      { cause: options.cause },
    );
    this.problem = problem;
  }
}
