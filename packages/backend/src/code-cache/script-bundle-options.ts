import { builtinModules } from "node:module";

/** The part of an esbuild plugin these options use, so this package does not need esbuild's types. */
export interface BuiltinsPlugin {
  readonly name: string;
  setup(build: {
    onResolve(
      options: { filter: RegExp },
      callback: (args: { path: string }) => { path: string; namespace: string } | undefined,
    ): void;
    onLoad(
      options: { filter: RegExp; namespace: string },
      callback: (args: { path: string }) => { contents: string; loader: "js" },
    ): void;
  }): void;
}

export interface ScriptBundleOptions {
  readonly platform: "node";
  readonly format: "esm";
  readonly define: Readonly<Record<string, string>>;
  readonly plugins: BuiltinsPlugin[];
}

const builtinNames = new Set(builtinModules);

/** `fs`, `node:fs`, `fs/promises`, `node:test`…: whatever Node itself provides. */
function isBuiltin(path: string): boolean {
  return path.startsWith("node:") || builtinNames.has(path);
}

/**
 * esbuild options (spread them into `build`) for a backend bundle that `startWithCodeCache` can
 * run: V8 caches code only for scripts, not for ES modules, so the bundle must have no `import`
 * or `export` statement left. Node's built-ins come from `process.getBuiltinModule` instead of
 * `import`, and `import.meta.url` from the loader. Everything else is a normal ESM bundle, top-level
 * await included (the loader runs it inside an async function).
 */
export function scriptBundleOptions(): ScriptBundleOptions {
  return {
    platform: "node",
    format: "esm",
    define: { "import.meta.url": "__dextImportMetaUrl" },
    plugins: [
      {
        name: "dext-builtins-from-process",
        setup(build) {
          build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) =>
            // Anything else is left to esbuild's own resolution.
            isBuiltin(args.path) ? { path: args.path, namespace: "dext-builtin" } : undefined,
          );
          build.onLoad({ filter: /.*/, namespace: "dext-builtin" }, (args) => ({
            // CommonJS, so esbuild's own interop gives the named and default imports.
            contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
            loader: "js",
          }));
        },
      },
    ],
  };
}
