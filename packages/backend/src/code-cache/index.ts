// Node entry for starting a backend through V8's code cache: build-time options and the loader.
export { scriptBundleOptions } from "./script-bundle-options.ts";
export type { BuiltinsPlugin, ScriptBundleOptions } from "./script-bundle-options.ts";
export { startWithCodeCache } from "./start-with-code-cache.ts";
export type { CodeCacheStart, StartWithCodeCacheOptions } from "./start-with-code-cache.ts";
