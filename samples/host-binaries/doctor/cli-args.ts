import { DOCTOR_TOOLS } from "../shared/doctor-report.ts";

export type DoctorCommand =
  | { command: "check"; json: boolean; require: string[] }
  | { command: "args"; values: string[] }
  | { command: "help" }
  | { command: "version" };

export class UsageError extends Error {
  readonly code = "USAGE" as const;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = `Usage: host-doctor [check] [--json] [--require tool,...]
       host-doctor args [--] [argument...]
       host-doctor --help | --version

check      which of ${DOCTOR_TOOLS.join(", ")} are installed, their versions, and the Docker
           contexts; one line per result as it arrives (--json: one JSON object per line).
           --require names tools that must be installed: exit 1 when one is missing.
args       prints each argument it received as a JSON string, one per line, to show that
           arguments reach the binary exactly as sent.
Exit codes: 0 ok, 1 a required tool is missing, 2 usage error.`;

/** Parses argv (without the executable). Throws UsageError with a message a person can act on. */
export function parseDoctorArgs(argv: readonly string[]): DoctorCommand {
  const [first, ...rest] = argv;
  if (first === "--help" || first === "-h" || first === "help") return { command: "help" };
  if (first === "--version") return { command: "version" };
  if (first === "args") return { command: "args", values: rest[0] === "--" ? rest.slice(1) : rest };

  const options = first === "check" ? rest : argv;
  const parsed: DoctorCommand = { command: "check", json: false, require: [] };
  for (let i = 0; i < options.length; i += 1) {
    const option = options[i] ?? "";
    if (option === "--json") {
      parsed.json = true;
    } else if (option === "--require" || option.startsWith("--require=")) {
      const value = option === "--require" ? options[(i += 1)] : option.slice("--require=".length);
      if (value === undefined || value.trim() === "")
        throw new UsageError("--require needs a comma-separated list of tools, e.g. --require docker,git");
      const tools = value
        .split(",")
        .map((tool) => tool.trim())
        .filter((tool) => tool !== "");
      const unknown = tools.filter((tool) => !(DOCTOR_TOOLS as readonly string[]).includes(tool));
      if (unknown.length > 0)
        throw new UsageError(`--require: unknown tool ${unknown.join(", ")}; known tools: ${DOCTOR_TOOLS.join(", ")}`);
      parsed.require.push(...tools);
    } else {
      throw new UsageError(
        `unknown ${option.startsWith("-") ? "option" : "command"} "${option}"; run host-doctor --help`,
      );
    }
  }
  return parsed;
}
