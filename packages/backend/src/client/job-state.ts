// Apart from job.ts so a UI can tell job states apart without loading zod with its first view.
export const jobStates = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

export type JobState = (typeof jobStates)[number];

/** States a job never leaves. */
export function isFinishedState(state: JobState): boolean {
  return state === "succeeded" || state === "failed" || state === "cancelled";
}
