#!/usr/bin/env node
// host-doctor: the host binary this sample ships for macOS, Windows and Linux. Docker Desktop copies
// it out of the extension image onto the host, and the UI runs it with host.cli.exec.
import { DOCTOR_EXIT } from "../shared/doctor-report.ts";
import { parseDoctorArgs, USAGE, UsageError } from "./cli-args.ts";
import { runCheck } from "./run-check.ts";

declare const HOST_DOCTOR_VERSION: string | undefined;

const write = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseDoctorArgs(argv);
  switch (parsed.command) {
    case "help":
      write(USAGE);
      return DOCTOR_EXIT.ok;
    case "version":
      write(typeof HOST_DOCTOR_VERSION === "string" ? HOST_DOCTOR_VERSION : "development");
      return DOCTOR_EXIT.ok;
    case "args":
      // JSON strings, so spaces, quotes, newlines and unicode are visible exactly as received.
      for (const value of parsed.values) write(JSON.stringify(value));
      return DOCTOR_EXIT.ok;
    case "check":
      return runCheck({ json: parsed.json, require: parsed.require, write });
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`host-doctor: ${error.message}\n`);
      process.exitCode = DOCTOR_EXIT.usage;
      return;
    }
    process.stderr.write(`host-doctor: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
