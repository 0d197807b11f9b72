import { lab1 } from "./labs/lab-1-typed-route.js";
import { lab2 } from "./labs/lab-2-stream-exec.js";
import { lab3 } from "./labs/lab-3-state-volume.js";
import { lab4 } from "./labs/lab-4-host-binary.js";
import { lab5 } from "./labs/lab-5-release.js";
import type { Lab } from "./lab.js";

/** The labs in order; docs/workshop/README.md describes each. */
export const LABS: readonly Lab[] = [lab1, lab2, lab3, lab4, lab5];
