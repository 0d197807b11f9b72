import { describe, expect, it } from "vitest";
import { checkCompose } from "./check-compose.ts";
import { readComposeFile } from "./compose-file.ts";
import { metadataRefs } from "./metadata-refs.ts";

const refs = metadataRefs({ vm: { composefile: "c.yaml", exposes: { socket: "api.sock" } } });
const check = (text: string) => checkCompose(readComposeFile(text, "c.yaml"), refs);
const lines = (text: string): string[] =>
  check(text).findings.map(
    ({ severity, line, message }) => `${severity} ${String(line)} ${message.split(/[,;]/)[0] ?? ""}`,
  );

describe("checkCompose", () => {
  it("reads long-syntax mounts like short ones", () => {
    const text = `services:
  api:
    image: \${DESKTOP_PLUGIN_IMAGE}
    command: serve
    volumes:
      - type: bind
        source: ./data
        target: /data
      - type: bind
        source: /var/run/docker.sock
        target: /var/run/docker.sock
      - type: volume
        source: state
        target: /state
`;
    expect(lines(text)).toEqual([
      'error 6 Service "api" bind-mounts the relative path "./data"',
      'warning 9 Service "api" mounts /var/run/docker.sock',
      'warning 12 The named volume "state" is deleted when the extension is uninstalled (and on update',
    ]);
  });

  it("accepts ~-based and absolute binds, anonymous volumes and external named volumes", () => {
    const text =
      "services:\n  api:\n    image: ${DESKTOP_PLUGIN_IMAGE}\n    command: serve\n    volumes: ['~/.config/tool:/config', /tmp:/tmp, /cache, 'keep:/keep']\nvolumes:\n  keep:\n    external: true\n";
    expect(check(text).findings).toEqual([]);
  });

  it("warns about a named volume once, where it is first mounted", () => {
    const text =
      "services:\n  api:\n    image: ${DESKTOP_PLUGIN_IMAGE}\n    command: serve\n    volumes: [data:/a]\n  worker:\n    image: ${DESKTOP_PLUGIN_IMAGE}\n    command: work\n    volumes: [data:/b]\n";
    expect(lines(text)).toEqual([
      'warning 5 The named volume "data" is deleted when the extension is uninstalled (and on update',
    ]);
  });

  it("takes the first service that names the socket as the server, else the one running the extension image", () => {
    const base = (first: string, second: string): string => `services:\n  ${first}\n  ${second}\n`;
    const db = "db: {image: 'postgres:16.4'}";
    expect(lines(base(db, "api: {image: '${DESKTOP_PLUGIN_IMAGE}', command: serve}"))[0]).toMatch(
      /^error 2 Desktop sends vm.service calls for api.sock/,
    );
    // The first service names the socket itself: it is the server, whatever image it runs.
    expect(
      lines(
        base(
          "proxy: {image: 'nginx:1.27', command: 'listen /run/guest-services/api.sock'}",
          "api: {image: '${DESKTOP_PLUGIN_IMAGE}', command: serve}",
        ),
      ),
    ).toEqual([]);
    // A single service is always the first.
    expect(lines("services:\n  db: {image: 'postgres:16.4'}\n")).toEqual([
      "warning 2 No service uses ${DESKTOP_PLUGIN_IMAGE}",
    ]);
  });

  it("lists the services that rely on the image's CMD", () => {
    const text =
      "services:\n  api: {image: '${DESKTOP_PLUGIN_IMAGE}'}\n  worker: {image: '${DESKTOP_PLUGIN_IMAGE}', entrypoint: [work]}\n";
    expect(check(text).servicesNeedingCmd).toEqual(["api"]);
  });

  it("resolves YAML anchors and merge keys before checking", () => {
    const text =
      "x-common: &common\n  privileged: true\nservices:\n  api:\n    <<: *common\n    image: ${DESKTOP_PLUGIN_IMAGE}\n    command: serve\n";
    expect(lines(text)).toEqual(['warning 4 Service "api" runs privileged']);
  });

  it("turns an alias bomb into a finding", () => {
    const bomb =
      "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\nservices: {x: {volumes: *d}}\n";
    expect(check(bomb).findings[0]).toMatchObject({
      severity: "error",
      line: 1,
      message: expect.stringContaining("could not be read") as string,
    });
  });
});
