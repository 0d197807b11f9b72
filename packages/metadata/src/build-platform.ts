/** BuildKit's automatic platform ARGs: set for every build, visible in a stage only when it declares them. */
export const PLATFORM_ARG_NAMES: ReadonlySet<string> = new Set([
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETARCH",
  "TARGETVARIANT",
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDARCH",
  "BUILDVARIANT",
]);

/** Node's names for CPUs whose OCI platform name differs. */
const OCI_ARCH: Readonly<Record<string, string>> = { x64: "amd64", ia32: "386", arm: "arm/v7" };

/**
 * The platform `docker build` targets here without `--platform`: the engine's own, Linux on this
 * machine's CPU (linux/amd64 on x86-64, linux/arm64 on arm64; Docker Desktop's VM has the host's CPU).
 * `dext validate` and the local host both read a Dockerfile for it, so they agree on every
 * `${TARGETARCH}` path.
 */
export function machinePlatform(arch: string = process.arch): string {
  return `linux/${OCI_ARCH[arch] ?? arch}`;
}

/** The values BuildKit gives its platform ARGs for a build of `target` (`os/arch[/variant]`) on this machine. */
export function platformArgs(target: string, build: string = machinePlatform()): Map<string, string> {
  const args = new Map<string, string>();
  for (const [prefix, platform] of [
    ["TARGET", target],
    ["BUILD", build],
  ] as const) {
    const [os = "linux", arch = "", variant = ""] = platform.split("/");
    args.set(`${prefix}PLATFORM`, platform);
    args.set(`${prefix}OS`, os);
    args.set(`${prefix}ARCH`, arch);
    args.set(`${prefix}VARIANT`, variant);
  }
  return args;
}
