// zod/mini: the UI loads this with the first output line, and mini is a fraction of classic zod.
import * as z from "zod/mini";
import type { DoctorLine } from "./doctor-report.ts";

/** Validates a line the doctor printed, so the UI shows a malformed line as such, never as data. */
export const doctorLineSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("tool"),
    name: z.string(),
    found: z.boolean(),
    version: z.optional(z.string()),
    detail: z.string(),
  }),
  z.object({ type: z.literal("context"), name: z.string(), current: z.boolean(), endpoint: z.string() }),
  z.object({
    type: z.literal("summary"),
    found: z.array(z.string()),
    missing: z.array(z.string()),
    missingRequired: z.array(z.string()),
  }),
]) satisfies z.ZodMiniType<DoctorLine>;

export type ParsedDoctorLine = { ok: true; line: DoctorLine } | { ok: false; text: string };

export function parseDoctorLine(text: string): ParsedDoctorLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, text };
  }
  const result = doctorLineSchema.safeParse(value);
  return result.success ? { ok: true, line: result.data } : { ok: false, text };
}
