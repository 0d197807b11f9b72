import { describe, expect, it } from "vitest";
import { captureLog } from "../testing/captured-log.ts";
import { relayServiceLine } from "./service-output.ts";

describe("relayServiceLine", () => {
  it("keeps a JSON log line's fields as an object, with its message and level", () => {
    const log = captureLog();
    relayServiceLine(log.logger, '{"level":"warn","time":"t","name":"b","msg":"slow start","ms":900}');
    expect(log.entries()).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: "slow start",
        service: { level: "warn", time: "t", name: "b", msg: "slow start", ms: 900 },
      }),
    ]);
  });

  it("relays any other line as the message, and skips empty ones", () => {
    const log = captureLog();
    relayServiceLine(log.logger, "listening on /run/guest-services/x.sock");
    relayServiceLine(log.logger, "   ");
    relayServiceLine(log.logger, "{not json");
    relayServiceLine(log.logger, '["an array"]');
    expect(log.entries().map((event) => event.msg)).toEqual([
      "listening on /run/guest-services/x.sock",
      "{not json",
      '["an array"]',
    ]);
  });
});
