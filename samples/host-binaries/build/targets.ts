/**
 * Every executable this sample ships, and the Bun runtime each is compiled against. Bun compiles
 * TypeScript into one self-contained file per OS and CPU from any build machine (cross-compiling
 * needs only the target's runtime, fetched from the npm registry and checked against the integrity
 * pinned here). Why Bun and not a Node single executable: see README ("Why Bun").
 *
 * To move to another Bun release: `npm view @oven/bun-<target>@<version> dist.integrity` for each
 * package below, then rebuild and run the tests (they check every file's format and CPU).
 */
export const BUN_VERSION = "1.4.5";

type HostOs = "darwin" | "windows" | "linux";
export type HostArch = "amd64" | "arm64";

export interface BunRuntime {
  /** npm package that holds the runtime (`package/bin/bun` or `bun.exe`). */
  package: string;
  integrity: string;
}

export interface HostTarget {
  os: HostOs;
  arch: HostArch;
  /** Bun's --target name. */
  bunTarget: string;
  runtime: BunRuntime;
  /** The file name metadata.json gives it. */
  file: string;
}

/**
 * x64 targets use Bun's "baseline" builds, which need no AVX2: Docker Desktop runs on Windows and
 * Linux machines older than Haswell, and a host binary that dies with "illegal instruction" is the
 * same failure as exit 126 on the wrong CPU.
 */
export const HOST_TARGETS: readonly HostTarget[] = [
  {
    os: "darwin",
    arch: "arm64",
    bunTarget: "bun-darwin-arm64",
    file: "host-doctor",
    runtime: {
      package: "@oven/bun-darwin-aarch64",
      integrity: "sha512-4MIFXHmctH2EhAxLXm2/qxNtv17dFtLJylvaOCsrgq6KSqHTs6eW5YSrJjRbJxYUJaR901fsN8JfZOa+CsWpWQ==",
    },
  },
  {
    os: "darwin",
    arch: "amd64",
    bunTarget: "bun-darwin-x64-baseline",
    file: "host-doctor",
    runtime: {
      package: "@oven/bun-darwin-x64-baseline",
      integrity: "sha512-zqfLA5A4B+hYMh5WYzYSot3uZ06FzhdP0OEwQisEzdirYtXGj5cQFlfy31BGfNsAsk1Gd/w/OxJ/jqqJ3cMclw==",
    },
  },
  {
    os: "windows",
    arch: "amd64",
    bunTarget: "bun-windows-x64-baseline",
    file: "host-doctor.exe",
    runtime: {
      package: "@oven/bun-windows-x64-baseline",
      integrity: "sha512-/U3Dc74uGqE6EUqef7mPtg9KwJs7iJH4JHRMfIZIn18MrJh6Xz4gVvWDXRvzCL2j8wPlTnJVyrO4n7Qq4uM7TQ==",
    },
  },
  {
    os: "linux",
    arch: "amd64",
    bunTarget: "bun-linux-x64-baseline",
    file: "host-doctor",
    runtime: {
      package: "@oven/bun-linux-x64-baseline",
      integrity: "sha512-s8yMwYcFnnrA178gji0gZbkE2WVDej/Ti1x770oPfihxyRxSMNhGhiAQNXV53aDeraZxksdvKV/RAdQBCd0qPA==",
    },
  },
  {
    os: "linux",
    arch: "arm64",
    bunTarget: "bun-linux-arm64",
    file: "host-doctor",
    runtime: {
      package: "@oven/bun-linux-aarch64",
      integrity: "sha512-4BXmsSKnjOrlGWqZV4x/oWa7AVoR+B6lCXddMzOAXBIm3t50eslg9wb66gmtW1AamEQ1l1CDvmmruysEhqOWMg==",
    },
  },
];

/**
 * Windows on Arm runs x64 executables under emulation and Docker Desktop copies the `windows` entry
 * for both CPUs, so the arm64 image carries the amd64 .exe.
 */
export function targetsForImageArch(arch: HostArch): HostTarget[] {
  return HOST_TARGETS.filter((t) => (t.os === "windows" ? t.arch === "amd64" : t.arch === arch));
}

/** Musl builds, for a compiler running on Alpine (the official node:*-alpine images). */
const MUSL_COMPILERS: Record<HostArch, BunRuntime> = {
  amd64: {
    package: "@oven/bun-linux-x64-musl-baseline",
    integrity: "sha512-cWJhU8h0+MiUgpSt99sQhjxLIIosKEcKYdtKddohokUvAuN6jKOy7g7+QDTZTXtwHxz93wL3BX+L6wXVPDUH3A==",
  },
  arm64: {
    package: "@oven/bun-linux-aarch64-musl",
    integrity: "sha512-XCNc+WvvMAdNNb+OWTogpy+N9wm62fkVeEVLb6how0RZhW5LPi6c7BlkeVCuWps7XjEl2saFpHFa20/1E+PAHg==",
  },
};

class UnsupportedBuildMachineError extends Error {
  readonly code = "UNSUPPORTED_BUILD_MACHINE" as const;
  constructor(platform: string, arch: string) {
    super(
      `no Bun compiler for a ${platform}/${arch} build machine; build on macOS, Linux or Windows, x64 or arm64 (or in the Dockerfile's builder stage)`,
    );
    this.name = "UnsupportedBuildMachineError";
  }
}

/** The Bun runtime that runs the compiler on this machine. */
export function compilerRuntime(
  platform: NodeJS.Platform = process.platform,
  cpu: string = process.arch,
  musl = isMusl(),
): BunRuntime {
  const arch: HostArch | undefined = cpu === "x64" ? "amd64" : cpu === "arm64" ? "arm64" : undefined;
  const os: HostOs | undefined =
    platform === "darwin" ? "darwin" : platform === "win32" ? "windows" : platform === "linux" ? "linux" : undefined;
  if (arch === undefined || os === undefined) throw new UnsupportedBuildMachineError(platform, cpu);
  if (os === "linux" && musl) return MUSL_COMPILERS[arch];
  const target = HOST_TARGETS.find((t) => t.os === os && t.arch === arch);
  if (target === undefined) throw new UnsupportedBuildMachineError(platform, cpu);
  return target.runtime;
}

function isMusl(): boolean {
  if (process.platform !== "linux") return false;
  const header = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header;
  return header?.glibcVersionRuntime === undefined;
}
