import { BackendProcess } from "../backend-process.ts";
import { importBundled } from "../bundle.ts";
import { findInUi, reachableUiSources } from "../ui-sources.ts";
import type { Lab, LabContext } from "../lab.ts";

interface Schema {
  safeParse(value: unknown): { success: boolean };
}

const isSchema = (value: unknown): value is Schema => typeof (value as Schema | undefined)?.safeParse === "function";

/** Checks the `visit` route in shared/contract.ts by using its schemas; false when the rest cannot be checked. */
async function checkContract({ files, problems, workDir }: LabContext): Promise<boolean> {
  const module = await importBundled(files.dir, "shared/contract.ts", workDir);
  const contract = module.contract as Record<string, Record<string, unknown>> | undefined;
  const route = contract?.visit;
  if (route === undefined) {
    problems.add(
      "shared/contract.ts",
      'no route named `visit` in `contract`: add `visit: defineRoute({ method: "POST", path: "/visits", body, response })`',
    );
    return false;
  }
  if (route.method !== "POST" || route.path !== "/visits") {
    problems.add(
      "shared/contract.ts",
      `\`visit\` is ${String(route.method)} ${String(route.path)}; it should be POST /visits`,
    );
  }
  const { body, response } = route;
  if (!isSchema(body)) {
    problems.add(
      "shared/contract.ts",
      "`visit` has no `body` schema: `z.object({ name: z.string().trim().min(1).max(100) })`",
    );
  } else {
    if (!body.safeParse({ name: "Moby" }).success)
      problems.add("shared/contract.ts", '`visit`\'s body schema refuses { name: "Moby" }');
    for (const bad of [{}, { name: "" }, { name: "   " }, { name: "x".repeat(101) }]) {
      if (body.safeParse(bad).success)
        problems.add(
          "shared/contract.ts",
          `\`visit\`'s body schema accepts ${JSON.stringify(bad).slice(0, 40)}; names must be 1 to 100 characters after trimming`,
        );
    }
  }
  if (
    !isSchema(response) ||
    !response.safeParse({ name: "Moby", visits: 1 }).success ||
    response.safeParse({ name: "Moby" }).success
  ) {
    problems.add(
      "shared/contract.ts",
      "`visit`'s response schema should be `z.object({ name: z.string(), visits: z.number().int().positive() })`",
    );
  }
  return true;
}

/** The route as the UI will reach it: over the extension's socket, through the backend's validation. */
async function checkBackend({ files, problems, workDir }: LabContext): Promise<void> {
  const backend = await BackendProcess.start(files.dir, workDir);
  try {
    const counts: unknown[] = [];
    for (const name of ["Moby", "Moby", " Moby ", "Molly"]) {
      const answer = await backend.call("POST", "/visits", { name });
      if (answer.status !== 200) {
        problems.add(
          "backend/handlers.ts",
          `POST /visits {"name": "${name}"} answered ${String(answer.status)}: ${JSON.stringify(answer.body).slice(0, 200)}`,
        );
        return;
      }
      counts.push((answer.body as { visits?: unknown }).visits);
    }
    // " Moby " is Moby again: the schema trims before the handler counts.
    if (JSON.stringify(counts) !== JSON.stringify([1, 2, 3, 1])) {
      problems.add(
        "backend/handlers.ts",
        `signing as Moby, Moby, " Moby ", Molly gave visits ${JSON.stringify(counts)}; expected [1,2,3,1] (one count per trimmed name)`,
      );
    }
    const refused = await backend.call("POST", "/visits", { name: "" });
    const code = (refused.body as { error?: { code?: unknown } } | undefined)?.error?.code;
    if (refused.status !== 400 || code !== "invalid_input") {
      problems.add(
        "backend/handlers.ts",
        `POST /visits {"name": ""} answered ${String(refused.status)} ${String(code)}; expected 400 invalid_input from the body schema`,
      );
    }
  } finally {
    await backend.stop();
  }
}

export const lab1: Lab = {
  number: 1,
  title: "A typed route, called from the UI",
  proves:
    "the contract's `visit` schemas accept and refuse the right bodies; your backend counts visits over a real socket and refuses an empty name with 400; the tab calls the route",
  async check(context) {
    if (await checkContract(context)) await checkBackend(context);
    const ui = await reachableUiSources(context.files);
    const caller = findInUi(ui, /useBackend(?:Mutation|Query)\(\s*\w+\s*,\s*["']visit["']|\.visit\(/);
    if (caller === undefined) {
      context.problems.add(
        "ui/src",
        'no file that the tab loads (ui/src/main.tsx and its imports) calls the route: `useBackendMutation(backend, "visit")`, then `mutate({ body: { name } })` on a click',
      );
    }
  },
};
