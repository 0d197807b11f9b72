import { lab1 } from "./labs/lab-1-typed-route.ts";
import { lab2 } from "./labs/lab-2-stream-exec.ts";
import { lab3 } from "./labs/lab-3-state-volume.ts";
import { lab4 } from "./labs/lab-4-host-binary.ts";
import { lab5 } from "./labs/lab-5-release.ts";
import type { Lab } from "./lab.ts";

/** The labs in order; docs/workshop/README.md describes each. */
export const LABS: readonly Lab[] = [lab1, lab2, lab3, lab4, lab5];
