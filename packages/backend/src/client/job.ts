// zod/mini for dext's own schemas, core types for the user's: see contract.ts.
import * as z from "zod/mini";
import type * as core from "zod/v4/core";
import { errorBodySchema } from "./error-body.ts";

/**
 * Long work behind `vm.service`, which cannot stream: the UI starts a job, polls its status,
 * and may cancel it. A job is declared once with `defineJob` and becomes three contract routes.
 */

const jobIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export const jobIdParamsSchema = z.object({ id: z.string().check(z.regex(jobIdPattern, "must be a job id")) });

/** Builds the status schema of a job whose successful result has the shape `result`. */
export function jobStatusSchema<Result extends core.$ZodType>(result: Result) {
  const common = {
    id: z.string(),
    /** 0 to 1; 1 once succeeded. */
    progress: z.number().check(z.gte(0), z.lte(1)),
    /** What the job last said it is doing; empty when it said nothing. */
    message: z.string(),
  };
  return z.discriminatedUnion("state", [
    z.object({ ...common, state: z.literal("queued") }),
    z.object({ ...common, state: z.literal("running") }),
    z.object({ ...common, state: z.literal("succeeded"), result }),
    // The same error shape as a failed request, so one UI code path shows both.
    z.object({ ...common, state: z.literal("failed"), error: errorBodySchema.shape.error }),
    z.object({ ...common, state: z.literal("cancelled") }),
  ]);
}

export type JobStatusSchema<Result extends core.$ZodType> = ReturnType<typeof jobStatusSchema<Result>>;

/**
 * The routes a job adds to a contract. Written as plain object types (not `RouteDefinition`)
 * so that `params` is required where it exists, which is what makes the client's input typed.
 */
export type JobRoutes<Name extends string, Input extends core.$ZodType, Result extends core.$ZodType> = {
  readonly [K in `${Name}Start`]: {
    readonly method: "POST";
    readonly path: `/jobs/${Name}`;
    readonly body: Input;
    readonly response: JobStatusSchema<Result>;
  };
} & {
  readonly [K in `${Name}Status`]: {
    readonly method: "GET";
    readonly path: `/jobs/${Name}/:id`;
    readonly params: typeof jobIdParamsSchema;
    readonly response: JobStatusSchema<Result>;
  };
} & {
  readonly [K in `${Name}Cancel`]: {
    readonly method: "DELETE";
    readonly path: `/jobs/${Name}/:id`;
    readonly params: typeof jobIdParamsSchema;
    readonly response: JobStatusSchema<Result>;
  };
};

export interface JobDefinition<
  Name extends string = string,
  Input extends core.$ZodType = core.$ZodType,
  Result extends core.$ZodType = core.$ZodType,
> {
  readonly name: Name;
  readonly input: Input;
  readonly result: Result;
  readonly status: JobStatusSchema<Result>;
  /** Spread into `defineContract({...})` so server and client both know the job's routes. */
  readonly routes: JobRoutes<Name, Input, Result>;
}

export type JobInput<J extends JobDefinition> = core.input<J["input"]>;
export type JobResult<J extends JobDefinition> = core.output<J["result"]>;
export type JobStatus<J extends JobDefinition> = core.output<J["status"]>;

/**
 * Declares a job: `POST /jobs/<name>` starts it with a body of shape `input`,
 * `GET /jobs/<name>/:id` reports its status, `DELETE /jobs/<name>/:id` cancels it.
 * The name is a lower camelCase identifier so that route names (`<name>Start`) read well.
 */
export function defineJob<
  const Name extends string,
  Input extends core.$ZodType,
  Result extends core.$ZodType,
>(options: { name: Name; input: Input; result: Result }): JobDefinition<Name, Input, Result> {
  const { name, input, result } = options;
  if (!/^[a-z][A-Za-z0-9]{0,63}$/.test(name)) {
    throw new TypeError(`Job name must be a lower camelCase identifier, got "${name}"`);
  }
  const status = jobStatusSchema(result);
  const path = `/jobs/${name}` as const;
  const routes = {
    [`${name}Start`]: { method: "POST", path, body: input, response: status },
    [`${name}Status`]: { method: "GET", path: `${path}/:id`, params: jobIdParamsSchema, response: status },
    [`${name}Cancel`]: { method: "DELETE", path: `${path}/:id`, params: jobIdParamsSchema, response: status },
  } as unknown as JobRoutes<Name, Input, Result>;
  return { name, input, result, status, routes };
}
