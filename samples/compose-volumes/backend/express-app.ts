// The backend's routes in an Express app: Express for one piece of middleware the contract alone
// cannot say, a body limit per route (see the README, "Why Express here").
import { createExpressRouter, dextErrorHandler } from "@dext/backend/express";
import express from "express";
import { contract } from "../shared/contract.ts";
import { maxNoteLength, maxStateEntries } from "../shared/limits.ts";
import type { Handlers, Logger } from "@dext/backend";
import type { Express } from "express";
import type { Contract } from "../shared/contract.ts";

/** volumeNamePattern's longest name, in bytes (its characters are ASCII). */
const maxVolumeNameBytes = 255;

/** JSON's longest spelling of one UTF-16 unit: a control character or a lone surrogate as `\uXXXX`. */
const maxJsonBytesPerUnit = 6;

/**
 * The largest import body: the largest state export can write (every pin and note there may be,
 * each note in JSON's longest spelling), with room for the envelope. About 12.5 MB, where every
 * other route keeps the router's 1 MB: an export must always import back.
 */
export const importBodyLimitBytes =
  maxStateEntries * (maxVolumeNameBytes + 3) + // "name",
  maxStateEntries * (maxVolumeNameBytes + 3 + maxNoteLength * maxJsonBytesPerUnit + 3) + // "name":"note",
  4_096; // {"format":…,"version":1,"exportedAt":…,"state":{"pinned":[…],"notes":{…}}}

export interface ExpressAppOptions {
  handlers: Handlers<Contract>;
  logger?: Logger;
}

export function createExpressApp({ handlers, logger }: ExpressAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  // Only the import reads a large body; a parser in front sets its limit, and the router takes
  // what it parsed. A larger body is a 413 in the one error shape (dextErrorHandler below).
  app.use("/state/import", express.json({ limit: importBodyLimitBytes }));
  app.use(createExpressRouter({ contract, handlers, createContext: () => ({}), logger }));
  app.use(dextErrorHandler({ logger }));
  return app;
}
