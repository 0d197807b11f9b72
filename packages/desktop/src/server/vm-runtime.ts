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
}

export interface VmRuntime {
  /** The machine path of the socket `vm.exposes.socket` names, when the extension exposes one. */
  readonly socketPath: string | undefined;
  state(): VmState;
  /** How to run `vm.cli.exec(cmd, args)`: in the first VM service, with no shell; a string is why it cannot run (exit 127). */
  execSpec(cmd: string, args: string[]): Promise<ProcessSpec | string>;
  stop(): Promise<void>;
}
