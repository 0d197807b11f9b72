/**
 * Where the page runs, as a host that is not Docker Desktop announces it. Docker Desktop sets
 * nothing, so without this global the page is in Desktop (or outside any host, which the kit
 * tells apart by the missing `window.ddClient`). The dext local host sets it before the page's
 * own scripts run, so advice such as "restart Docker Desktop" can name the right program.
 */
export const hostRuntimeGlobal = "__dextHostRuntime";

export interface HostRuntime {
  /** What the user knows the host as, e.g. "Docker Desktop" or "the dext local host". */
  readonly name: string;
  /** How to restart it, as a clause that follows "if it keeps failing, ...". */
  readonly restartAdvice: string;
}

const dockerDesktop: HostRuntime = { name: "Docker Desktop", restartAdvice: "restart Docker Desktop" };

function text(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.trim() !== "" && value.length <= max ? value : undefined;
}

/** The host the page runs in: the announced one when it is well formed, Docker Desktop otherwise. */
export function currentHostRuntime(): HostRuntime {
  const announced = (globalThis as Record<string, unknown>)[hostRuntimeGlobal];
  if (typeof announced !== "object" || announced === null) return dockerDesktop;
  const { name, restartAdvice } = announced as Record<string, unknown>;
  const checkedName = text(name, 80);
  const checkedAdvice = text(restartAdvice, 200);
  return checkedName === undefined || checkedAdvice === undefined
    ? dockerDesktop
    : { name: checkedName, restartAdvice: checkedAdvice };
}
