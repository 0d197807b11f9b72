import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A folder of stand-in tools, put alone on PATH, so a check's result does not depend on what this
 * machine has installed. kubectl answers after `kubectlDelayMs`, to show lines arrive as they come.
 */
export async function makeFakeTools(
  options: { kubectlDelayMs?: number } = {},
): Promise<{ dir: string; env: NodeJS.ProcessEnv; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "doctor-tools-"));
  const delay = ((options.kubectlDelayMs ?? 0) / 1000).toFixed(2);
  const scripts: Record<string, string> = {
    docker: [
      'if [ "$1" = "--version" ]; then echo "Docker version 27.3.1, build ce12230"; exit 0; fi',
      'if [ "$1" = "context" ]; then',
      '  echo \'{"Current":true,"DockerEndpoint":"unix:///var/run/docker.sock","Name":"default"}\'',
      '  echo \'{"Current":false,"DockerEndpoint":"tcp://10.0.0.5:2376","Name":"remote"}\'',
      "  exit 0",
      "fi",
      "exit 1",
    ].join("\n"),
    git: 'echo "git version 2.47.0"',
    kubectl: `/bin/sleep ${delay}\necho "Client Version: v1.31.2"\necho "Kustomize Version: v5.4.2"`,
  };
  for (const [name, body] of Object.entries(scripts)) {
    const path = join(dir, name);
    await writeFile(path, `#!/bin/sh\n${body}\n`);
    await chmod(path, 0o755);
  }
  return { dir, env: { ...process.env, PATH: dir }, remove: () => rm(dir, { recursive: true, force: true }) };
}
