/** How the host runs an extension's VM side, whatever stands for the Desktop VM (this machine or an engine). */
export interface VmState {
  state: "none" | "starting" | "running" | "exited";
  detail: string | undefined;
}

export interface ProcessSpec {
  file: string;
  args: string[];
  cwd: string | undefined;
  env: NodeJS.ProcessEnv;
  /**
   * The command is `docker exec`: when the container cannot start the program, the engine prints
   * the runtime's reason on stdout and exits 126 or 127, which the exec stream turns into Desktop's
   * missing-command result (see docker-exec-failure.ts).
   */
  dockerExec?: true;
}

/** An exec that cannot start, answered as a command that ran and failed: the reason on stderr, then the exit code. */
export interface ExecStartFailure {
  stderr: string;
  code: number;
}

/** `ExecOptions` as the host received them, checked for shape (api-requests.ts). */
export interface ExecOptionsRequest {
  cwd: string | undefined;
  env: Record<string, string>;
}

export interface VmRuntime {
  /** The machine path of the socket `vm.exposes.socket` names, when the extension exposes one. */
  readonly socketPath: string | undefined;
  state(): VmState;
  /**
   * How to run `vm.cli.exec(cmd, args, options)`: in the first VM service, with no shell. Throws a
   * RouteError (`invalid_input`, `forbidden`) for a cwd the host refuses, answered in the one error shape.
   */
  execSpec(cmd: string, args: string[], options?: ExecOptionsRequest): Promise<ProcessSpec | ExecStartFailure>;
  stop(): Promise<void>;
}
