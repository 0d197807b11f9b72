import { connect } from "node:net";

/** Resolves when something accepts connections on `path`; rejects after `timeoutMs` or when `gaveUp()` says so. */
export async function waitForSocket(
  path: string,
  options: { timeoutMs: number; gaveUp?: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const answered = await new Promise<boolean>((resolve) => {
      const probe = connect(path);
      probe.once("connect", () => {
        probe.destroy();
        resolve(true);
      });
      probe.once("error", () => resolve(false));
    });
    if (answered) return;
    const reason = options.gaveUp?.();
    if (reason !== undefined) throw new Error(reason);
    if (Date.now() > deadline) throw new Error(`nothing listened on ${path} within ${options.timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
