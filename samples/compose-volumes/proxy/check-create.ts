// A namespace import lets the bundler keep only the zod in use (not every locale): see @dext/backend README, "Start-up".
import * as z from "zod";
import { helperLabel, helperMountPoint, helperScript } from "../backend/engine/helper-container.ts";
import { volumeNamePattern } from "../shared/volume-path.ts";

// The only container the backend may create: the helper, exactly as helperSpec builds it. Strict
// objects refuse every other key, so Privileged, Binds, Devices, PidMode, CapAdd of anything but
// DAC_READ_SEARCH, a network, or a writable mount cannot slip through.
const createBodySchema = z.strictObject({
  Image: z.string().min(1),
  Entrypoint: z.tuple([z.literal("node"), z.literal(helperScript)]),
  Cmd: z.array(z.string().max(4_096)).max(4),
  Env: z.array(z.literal(`VOLUME_ROOT=${helperMountPoint}`)).max(1),
  WorkingDir: z.literal("/"),
  Labels: z.strictObject({ [helperLabel]: z.literal("true") }),
  NetworkDisabled: z.literal(true),
  HostConfig: z.strictObject({
    NetworkMode: z.literal("none"),
    ReadonlyRootfs: z.literal(true),
    CapDrop: z.tuple([z.literal("ALL")]),
    CapAdd: z.array(z.literal("DAC_READ_SEARCH")).max(1),
    SecurityOpt: z.array(z.literal("no-new-privileges")).max(1),
    Memory: z
      .number()
      .int()
      .positive()
      .max(1024 * 1024 * 1024),
    PidsLimit: z.number().int().positive().max(256),
    Mounts: z.tuple([
      z.strictObject({
        Type: z.literal("volume"),
        Source: z.string().regex(volumeNamePattern),
        Target: z.literal(helperMountPoint),
        ReadOnly: z.literal(true),
        VolumeOptions: z.strictObject({ NoCopy: z.literal(true) }),
      }),
    ]),
  }),
});

/** A create body that passed the check: the only value the proxy forwards, re-serialised. */
type HelperCreateBody = z.infer<typeof createBodySchema>;

export type CreateBodyCheck = { ok: true; body: HelperCreateBody } | { ok: false; problem: string };

/**
 * Checks the body of `POST /containers/create` against the helper of `image`. On success the
 * answer is zod's output, which holds the schema's keys only: that, not the bytes received, is
 * what goes to the engine, so nothing the check did not see (a second key, a key Go would match
 * case-insensitively, such as `hostconfig`) can reach it.
 */
export function checkCreateBody(body: unknown, image: string | undefined): CreateBodyCheck {
  if (image === undefined)
    return { ok: false, problem: "the proxy has no EXTENSION_IMAGE, so it creates no container" };
  const parsed = createBodySchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      problem: `not a helper container: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ")}`,
    };
  }
  if (parsed.data.Image !== image) return { ok: false, problem: `helpers run ${image}, not ${parsed.data.Image}` };
  return { ok: true, body: parsed.data };
}

/** Why the body of `POST /containers/create` is refused, or undefined when it is a helper of `image`. */
export function createBodyProblem(body: unknown, image: string | undefined): string | undefined {
  const checked = checkCreateBody(body, image);
  return checked.ok ? undefined : checked.problem;
}
