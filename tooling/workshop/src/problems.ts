/** One thing a lab still needs: where to look (a file, or a behaviour) and what is missing there. */
export interface Problem {
  where: string;
  missing: string;
}

/**
 * Collects problems instead of stopping at the first, so one `pnpm lab check` lists everything
 * left to do. A step that others depend on (the contract must load before the backend can be
 * called) returns early by itself.
 */
export class ProblemList {
  readonly problems: Problem[] = [];

  add(where: string, missing: string): void {
    this.problems.push({ where, missing });
  }

  get empty(): boolean {
    return this.problems.length === 0;
  }
}

/** Thrown by a helper when a step cannot go on; the lab runner turns it into a problem. */
export class LabStepError extends Error {
  readonly code = "lab_step_failed";

  readonly where: string;

  constructor(where: string, message: string) {
    super(message);
    this.where = where;
    this.name = "LabStepError";
  }
}
