// Build-time entry: bundling a backend for its image. Needs esbuild (an optional peer dependency).
export { backendBuildOptions, bundleBackend, watchBackend } from "./bundle-backend.ts";
export type { BundleBackendOptions } from "./bundle-backend.ts";
