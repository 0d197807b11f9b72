import { describe, expect, it } from "vitest";
import { composeServiceNames, rawSocketTargets } from "./compose-vm.ts";

const compose = `
services:
  backend:
    image: \${DESKTOP_PLUGIN_IMAGE}
    volumes:
      - state:/state
  proxy:
    image: \${DESKTOP_PLUGIN_IMAGE}
    volumes:
      - /var/run/docker.sock.raw:/var/run/docker.sock
      - type: bind
        source: /var/run/docker.sock.raw
        target: /engine.sock
volumes:
  state:
`;

describe("compose files in the host", () => {
  it("keeps the services in file order: Desktop talks to the first", () => {
    expect(composeServiceNames(compose)).toEqual(["backend", "proxy"]);
  });

  it("finds every mount of Desktop's raw engine socket, short and long form", () => {
    expect(rawSocketTargets(compose)).toEqual(new Map([["proxy", ["/var/run/docker.sock", "/engine.sock"]]]));
  });
});
