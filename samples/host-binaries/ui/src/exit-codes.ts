import { DOCTOR_EXIT } from "../../shared/doctor-report.ts";

/** What an exit code of host-doctor means, in words a person can act on. */
export function describeExit(code: number): string {
  switch (code) {
    case DOCTOR_EXIT.ok:
      return "exit 0: the check ran";
    case DOCTOR_EXIT.missingRequired:
      return "exit 1: a required tool is missing";
    case DOCTOR_EXIT.usage:
      return "exit 2: host-doctor did not understand its arguments (see stderr)";
    case 126:
      return "exit 126: the host could not execute the binary (wrong CPU or not executable)";
    case 127:
      return "exit 127: the binary was not found on the host";
    default:
      return `exit ${String(code)}: host-doctor failed (see stderr)`;
  }
}
