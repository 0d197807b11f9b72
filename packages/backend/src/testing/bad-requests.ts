import { gzipSync } from "node:zlib";
import type { Random } from "./random.js";

/** One generated request: sent with node:http, or written as raw bytes when `raw` is set. */
export interface BadRequest {
  readonly family: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** Bytes written as they are on a fresh connection, for what no HTTP client would send. */
  readonly raw?: Buffer;
}

const json = { "content-type": "application/json" };

function randomJsonValue(r: Random, depth = 0): unknown {
  switch (r.int(0, depth > 2 ? 5 : 7)) {
    case 0:
      return null;
    case 1:
      return r.pick([true, false]);
    case 2:
      return r.pick([0, -1, 1.5, 11, 1e21, -1e-7, 2 ** 53, 3]);
    case 3:
      return r.string(r.int(0, 12));
    case 4:
      return r.string(r.int(0, 4), "\u0000\u202e\ud83d\ude00é\n\"\\");
    case 5:
      return r.pick(["", "1", "true", "null", "[]"]);
    case 6:
      return Array.from({ length: r.int(0, 3) }, () => randomJsonValue(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(0, 3) }, () => [r.pick(["text", "times", "steps", "stepMs", "__proto__", "constructor", r.string(3)]), randomJsonValue(r, depth + 1)]));
  }
}

function malformedJson(r: Random): BadRequest {
  const valid = JSON.stringify({ text: "ab", times: 2 });
  const body = r.pick([
    () => valid.slice(0, r.int(0, valid.length - 1)),
    () => r.string(r.int(1, 40)),
    () => '{"text":"a","times":1,}',
    () => "[".repeat(r.int(1_000, 6_000)),
    () => `{"a":${"[".repeat(r.int(100, 2_000))}`,
    () => "NaN",
    () => "\uFEFF" + valid,
    () => "{'text': 'a'}",
    () => `{"text":"a","times":1}${r.string(3)}`,
  ])();
  const bytes = r.chance(0.1) ? Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, r.int(0, 255)]) : Buffer.from(body);
  return { family: "malformed json", method: "POST", path: r.pick(["/echo", "/jobs/count"]), headers: json, body: bytes };
}

function wrongTypes(r: Random): BadRequest {
  const value = r.chance(0.8)
    ? { text: randomJsonValue(r), times: randomJsonValue(r), steps: randomJsonValue(r), stepMs: r.pick([-1, 5_000, "1", null]), ...(r.chance(0.3) ? { extra: randomJsonValue(r) } : {}) }
    : randomJsonValue(r);
  return { family: "wrong types", method: "POST", path: r.pick(["/echo", "/jobs/count"]), headers: json, body: Buffer.from(JSON.stringify(value)) };
}

function hugeBody(r: Random, limitBytes: number): BadRequest {
  const size = r.int(limitBytes + 1, limitBytes * 20);
  const body = r.chance(0.5) ? JSON.stringify({ text: "x".repeat(size), times: 1 }) : "[" + "1,".repeat(size / 2) + "1]";
  return { family: "huge body", method: "POST", path: r.pick(["/echo", "/jobs/count", "/hello"]), headers: json, body: Buffer.from(body) };
}

const segments = ["items", "jobs", "count", "hello", "echo", "health", "..", ".", "", "%", "%zz", "%00", "%2F", "%E0%A4%A", "%C3%A9", "é", "%F0%9F%98%80", "a;b", "*", "~", "-1", "007", "99999999999999999999"];

function oddPath(r: Random): BadRequest {
  const path = r.pick([
    () => "/" + Array.from({ length: r.int(1, 5) }, () => r.pick(segments)).join("/"),
    () => `/items/${r.pick(segments)}`,
    () => `/jobs/count/${r.pick([...segments, "x".repeat(65), "a b", "00000000-0000-0000-0000-000000000000"])}`,
    () => `/hello?${r.pick(["name=", "name=%ff", "name=%", "name[]=a", "name[a]=b", "name=a&name=b", "%=x", "name=" + "n".repeat(r.int(101, 3_000)), Array.from({ length: 1_500 }, (_, i) => `p${i}=1`).join("&")])}`,
    () => `/slow?ms=${r.pick(["abc", "-1", "99999", "1e9", "", "0x10", "NaN"])}`,
    () => "/" + "a/".repeat(r.int(100, 2_000)),
    () => "//hello",
    () => "/hello/",
    () => "/HELLO",
  ])();
  return { family: "odd path", method: r.pick(["GET", "GET", "DELETE", "POST"]), path, headers: {} };
}

function oddMethod(r: Random): BadRequest {
  const method = r.pick(["PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND", "TRACE", "SEARCH"]);
  return { family: "odd method", method, path: r.pick(["/hello", "/echo", "/items/1", "/jobs/count", "/health"]), headers: {} };
}

function oddEncoding(r: Random): BadRequest {
  const valid = Buffer.from(JSON.stringify({ text: "a", times: 1 }));
  const [headers, body] = r.pick<[Record<string, string>, Buffer]>([
    [{ "content-type": "text/plain" }, valid],
    [{ "content-type": "application/x-www-form-urlencoded" }, Buffer.from("text=a&times=1")],
    [{ "content-type": "application/json; charset=latin1" }, valid],
    [{ "content-type": "application/json; charset=utf-16" }, valid],
    [{ "content-type": "application/json; charset=nope" }, valid],
    [{ "content-type": "application/json", "content-encoding": "gzip" }, Buffer.from(r.string(r.int(1, 30)))],
    [{ "content-type": "application/json", "content-encoding": "deflate" }, Buffer.from(r.string(r.int(1, 30)))],
    [{ "content-type": "application/json", "content-encoding": "br" }, Buffer.from(r.string(r.int(1, 30)))],
    [{ "content-type": "application/json", "content-encoding": "compress" }, valid],
    [{ "content-type": "application/json", "content-encoding": "gzip" }, gzipSync("{not json")],
    [{ "content-type": "application/json", "content-encoding": "gzip" }, gzipSync(Buffer.alloc(r.int(20_000, 200_000), " "))],
    [{ "content-type": r.string(r.int(1, 20)).replace(/[^\x21-\x7e]/g, "x") }, valid],
  ]);
  return { family: "odd encoding", method: "POST", path: "/echo", headers, body };
}

function rawGarbage(r: Random): BadRequest {
  const text = r.pick([
    () => `${r.string(r.int(1, 60))}\r\n\r\n`,
    () => "GET /hello HTTP/9.9\r\n\r\n",
    () => "GET /hello HTTP/1.1\r\nHost x\r\n\r\n",
    () => `GET /hello HTTP/1.1\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`,
    () => "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    () => "POST /echo HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    () => "POST /echo HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
    () => "GET /\u0000hello HTTP/1.1\r\n\r\n",
    () => `GET /${"%".repeat(r.int(1, 10))} HTTP/1.1\r\nHost: x\r\n\r\n`,
  ])();
  return { family: "raw garbage", method: "RAW", path: "", headers: {}, raw: Buffer.from(text, "latin1") };
}

/** `count` bad requests of every family, in a deterministic order for `r`'s seed. */
export function generateBadRequests(r: Random, count: number, limitBytes: number): BadRequest[] {
  const families = [malformedJson, wrongTypes, (x: Random) => hugeBody(x, limitBytes), oddPath, oddMethod, oddEncoding, rawGarbage];
  return Array.from({ length: count }, (_, i) => {
    const family = families[i % families.length];
    if (family === undefined) throw new RangeError("no family");
    return family(r);
  });
}
