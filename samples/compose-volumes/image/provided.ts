import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The engine's version; undefined when there is none and the tests skip. */
    engine: string | undefined;
    /** Why the tests skip, when they do. */
    skipReason: string;
    dockerHost: string;
    image: string;
  }
}

export interface ImageTestContext {
  engine: string | undefined;
  skipReason: string;
  image: string;
}

/**
 * What the global setup found and built. Also points this worker's docker client at the engine
 * the setup found or started, which may not be the DOCKER_HOST the run began with.
 */
export function imageTestContext(): ImageTestContext {
  const dockerHost = inject("dockerHost");
  if (dockerHost !== "") process.env.DOCKER_HOST = dockerHost;
  return { engine: inject("engine"), skipReason: inject("skipReason"), image: inject("image") };
}
