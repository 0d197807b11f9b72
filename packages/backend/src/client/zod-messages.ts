import { config } from "zod/v4/core";
import en from "zod/v4/locales/en.js";

/**
 * Gives zod's issues English messages unless the app set a locale of its own. `zod/mini`
 * registers no locale (classic zod registers English itself): without one, every field a 400
 * names, and every mismatch an `invalid_response` reports, would read "Invalid input". Browser-safe:
 * the server calls it in `createBackendApp`, the client in `createBackendClient`.
 */
export function ensureZodMessages(): void {
  if (config().localeError === undefined) config(en());
}
