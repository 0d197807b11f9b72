import type { HelperProblem } from "../shared/listing.ts";

type ProblemCode = HelperProblem["problem"]["code"];

/** A request the helper will not serve (bad path, missing file, a link out of the volume), said in words. */
export class Refusal extends Error {
  override readonly name = "Refusal";
  readonly code: ProblemCode;

  constructor(code: ProblemCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}
