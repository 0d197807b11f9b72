import { parseArgs } from "node:util";
import { startDesktopHost } from "./server/desktop-host.ts";
import { createHostLogger } from "./server/host-logger.ts";
import { screenshotsMain } from "./screenshots/screenshots-cli.ts";

const usage = `Usage: dext-desktop [options] [<extension-folder>...] [--image <ref>...]
       dext-desktop screenshots --help   (Marketplace screenshots of one extension's tab)

Runs Docker Desktop extensions in a browser without Docker Desktop: a dashboard with a tab per
extension, each extension's VM service started on this machine, its host binaries installed.

Options:
  --port <n>        Port of the dashboard (default 4480; 0 picks a free one)
  --host <addr>     Address to listen on (default 127.0.0.1)
  --context <dir>   Build context of the extensions' Dockerfiles (default: found automatically)
  --image <ref>     Install a built extension image (repeatable; needs a Docker engine at DOCKER_HOST)
  --dev             Dev mode for folders: each UI from its own Vite dev server behind its tab (HMR),
                    each node VM service under node --watch, rebuilt by its watch:backend script
  --build           Build every folder's image (docker build, BuildKit) and run the image
  --no-build        Never build: run every folder from its files, even one that needs its image
                    (default: build only a folder whose files cannot run it, a compose stack or
                    what a RUN step makes, and only when a Docker engine answers)
  -h, --help        Show this help
`;

/** Runs the host until SIGINT or SIGTERM; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  // A folder named "screenshots" is still served as `dext-desktop ./screenshots`.
  if (argv[0] === "screenshots") return screenshotsMain(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        context: { type: "string" },
        image: { type: "string", multiple: true },
        dev: { type: "boolean" },
        build: { type: "boolean" },
        "no-build": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    process.stderr.write(`dext-desktop: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stdout.write(usage);
    return 0;
  }
  const images = values.image ?? [];
  if (positionals.length === 0 && images.length === 0) {
    process.stderr.write(`dext-desktop: name at least one extension folder or --image\n\n${usage}`);
    return 2;
  }
  if (values.build === true && values["no-build"] === true) {
    process.stderr.write("dext-desktop: --build and --no-build contradict each other; give one\n");
    return 2;
  }
  const port = Number(values.port ?? 4480);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`dext-desktop: --port must be an integer from 0 to 65535, got ${values.port ?? ""}\n`);
    return 2;
  }
  const logger = createHostLogger();
  const host = await startDesktopHost({
    logger,
    folders: positionals,
    images,
    port,
    dev: values.dev === true,
    build: values.build === true ? "always" : values["no-build"] === true ? "never" : "auto",
    ...(values.host === undefined ? {} : { hostname: values.host }),
    ...(values.context === undefined ? {} : { context: values.context }),
  });
  if (host.extensions.length === 0) {
    process.stderr.write("dext-desktop: no extension could be installed (see above)\n");
    await host.stop();
    return 1;
  }
  const extensions = host.extensions.map((extension) => extension.id);
  logger.info(`dext desktop host: ${host.url} (${extensions.join(", ")}); Ctrl+C stops it`, {
    url: host.url,
    extensions,
  });
  // The log is JSON for machines; the one thing a person must read, the URL, also gets a plain line.
  process.stderr.write(`\n  dext desktop host: ${host.url}\n  Ctrl+C stops it.\n\n`);
  await new Promise<void>((resolve) => {
    // A terminal's Ctrl+C reaches both a wrapper (pnpm, turbo) and this process, and the wrapper
    // forwards it again: later signals must not cut the clean-up (containers, sockets) short.
    const onSignal = () => {
      resolve();
      setTimeout(() => process.exit(1), 20_000).unref();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
  logger.info("dext desktop host: stopping extensions");
  await host.stop();
  return 0;
}
