import { gzipSync } from "node:zlib";
import { abbreviate } from "@dext/vitest-config/property-runs";
import fc from "fast-check";

/** One generated request: sent with node:http, or written as raw bytes when `raw` is set. */
export interface BadRequest {
  readonly family: BadRequestFamily;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** Bytes written as they are on a fresh connection, for what no HTTP client would send. */
  readonly raw?: Buffer;
}

export const BAD_REQUEST_FAMILIES = [
  "malformed json",
  "wrong types",
  "huge body",
  "odd path",
  "odd method",
  "odd encoding",
  "raw garbage",
] as const;
type BadRequestFamily = (typeof BAD_REQUEST_FAMILIES)[number];

/** A request that prints in a failure report as a line, its body cut short: huge bodies are 160 kB. */
function badRequest(request: BadRequest): BadRequest {
  const bytes = request.raw ?? request.body;
  const shown = bytes === undefined ? "" : ` ${abbreviate(bytes.toString("latin1"), 120)}`;
  return {
    ...request,
    [fc.toStringMethod]: () =>
      `${request.family}: ${request.method} ${abbreviate(request.path, 120)} ${JSON.stringify(request.headers)}${shown}`,
  } as BadRequest;
}

const json = { "content-type": "application/json" };
const printableCharacter = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));

/** Printable ASCII, space to tilde, of any length in the range. */
function printable(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: printableCharacter, minLength, maxLength, size: "max" });
}

/** JSON values of the shapes the routes take, mistyped: odd numbers, odd strings, nested up to three levels. */
function jsonValue(depth: number): fc.Arbitrary<unknown> {
  const leaves = [
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(0, -1, 1.5, 11, 1e21, -1e-7, 2 ** 53, 3),
    printable(0, 12),
    fc.string({
      unit: fc.constantFrom("\u0000", "\u202e", "\ud83d\ude00", "é", "\n", '"', "\\"),
      maxLength: 4,
      size: "max",
    }),
    fc.constantFrom("", "1", "true", "null", "[]"),
  ];
  if (depth > 2) return fc.oneof(...leaves);
  const key = fc.oneof(
    fc.constantFrom("text", "times", "steps", "stepMs", "__proto__", "constructor"),
    printable(3, 3),
  );
  return fc.oneof(
    ...leaves,
    fc.array(jsonValue(depth + 1), { maxLength: 3, size: "max" }),
    fc
      .array(fc.tuple(key, jsonValue(depth + 1)), { maxLength: 3, size: "max" })
      .map((entries) => Object.fromEntries(entries)),
  );
}

const anyJson = jsonValue(0);
const VALID_BODY = JSON.stringify({ text: "ab", times: 2 });
const bodyRoute = fc.constantFrom("/echo", "/jobs/count");

const malformedJson: fc.Arbitrary<BadRequest> = fc
  .record({
    body: fc.oneof(
      {
        weight: 9,
        arbitrary: fc
          .oneof(
            fc.integer({ min: 0, max: VALID_BODY.length - 1 }).map((cut) => VALID_BODY.slice(0, cut)),
            printable(1, 40),
            fc.constant('{"text":"a","times":1,}'),
            fc.integer({ min: 1_000, max: 6_000 }).map((depth) => "[".repeat(depth)),
            fc.integer({ min: 100, max: 2_000 }).map((depth) => `{"a":${"[".repeat(depth)}`),
            fc.constant("NaN"),
            fc.constant(`\uFEFF${VALID_BODY}`),
            fc.constant("{'text': 'a'}"),
            printable(3, 3).map((tail) => `{"text":"a","times":1}${tail}`),
          )
          .map((text) => Buffer.from(text)),
      },
      // Not UTF-8 at all.
      {
        weight: 1,
        arbitrary: fc.integer({ min: 0, max: 255 }).map((last) => Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, last])),
      },
    ),
    path: bodyRoute,
  })
  .map(({ body, path }) => badRequest({ family: "malformed json", method: "POST", path, headers: json, body }));

const wrongTypes: fc.Arbitrary<BadRequest> = fc
  .record({
    value: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          {
            text: anyJson,
            times: anyJson,
            steps: anyJson,
            stepMs: fc.constantFrom(-1, 5_000, "1", null),
            extra: anyJson,
          },
          { requiredKeys: ["text", "times", "steps", "stepMs"] },
        ),
      },
      { weight: 1, arbitrary: anyJson },
    ),
    path: bodyRoute,
  })
  .map(({ value, path }) =>
    badRequest({
      family: "wrong types",
      method: "POST",
      path,
      headers: json,
      body: Buffer.from(JSON.stringify(value)),
    }),
  );

function hugeBody(limitBytes: number): fc.Arbitrary<BadRequest> {
  return fc
    .record({
      size: fc.integer({ min: limitBytes + 1, max: limitBytes * 20 }),
      inAString: fc.boolean(),
      path: fc.constantFrom("/echo", "/jobs/count", "/hello"),
    })
    .map(({ size, inAString, path }) => {
      const body = inAString
        ? JSON.stringify({ text: "x".repeat(size), times: 1 })
        : "[" + "1,".repeat(size / 2) + "1]";
      return badRequest({ family: "huge body", method: "POST", path, headers: json, body: Buffer.from(body) });
    });
}

const SEGMENTS = [
  "items",
  "jobs",
  "count",
  "hello",
  "echo",
  "health",
  "..",
  ".",
  "",
  "%",
  "%zz",
  "%00",
  "%2F",
  "%E0%A4%A",
  "%C3%A9",
  "é",
  "%F0%9F%98%80",
  "a;b",
  "*",
  "~",
  "-1",
  "007",
  "99999999999999999999",
];
const segment = fc.constantFrom(...SEGMENTS);
/** What node:http's client refuses in a request path (ERR_UNESCAPED_CHARACTERS). */
const CLIENT_REFUSES = /[^\u0021-\u00ff]/;

const oddPath: fc.Arbitrary<BadRequest> = fc
  .record({
    path: fc.oneof(
      fc.array(segment, { minLength: 1, maxLength: 5, size: "max" }).map((segments) => `/${segments.join("/")}`),
      segment.map((item) => `/items/${item}`),
      fc
        .constantFrom(...SEGMENTS, "x".repeat(65), "a b", "00000000-0000-0000-0000-000000000000")
        .map((id) => `/jobs/count/${id}`),
      fc
        .oneof(
          fc.constantFrom(
            "name=",
            "name=%ff",
            "name=%",
            "name[]=a",
            "name[a]=b",
            "name=a&name=b",
            "%=x",
            Array.from({ length: 1_500 }, (_, i) => `p${i}=1`).join("&"),
          ),
          fc.integer({ min: 101, max: 3_000 }).map((length) => `name=${"n".repeat(length)}`),
        )
        .map((query) => `/hello?${query}`),
      fc.constantFrom("abc", "-1", "99999", "1e9", "", "0x10", "NaN").map((ms) => `/slow?ms=${ms}`),
      fc.integer({ min: 100, max: 2_000 }).map((depth) => `/${"a/".repeat(depth)}`),
      fc.constantFrom("//hello", "/hello/", "/HELLO"),
    ),
    method: fc.oneof({ weight: 2, arbitrary: fc.constant("GET") }, fc.constant("DELETE"), fc.constant("POST")),
  })
  .map(({ path, method }) =>
    // node:http refuses to send a path with a space or a control character: such a path goes out as raw bytes.
    CLIENT_REFUSES.test(path)
      ? badRequest({
          family: "odd path",
          method,
          path,
          headers: {},
          raw: Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: x\r\n\r\n`, "latin1"),
        })
      : badRequest({ family: "odd path", method, path, headers: {} }),
  );

const oddMethod: fc.Arbitrary<BadRequest> = fc
  .record({
    method: fc.constantFrom("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND", "TRACE", "SEARCH"),
    path: fc.constantFrom("/hello", "/echo", "/items/1", "/jobs/count", "/health"),
  })
  .map(({ method, path }) => badRequest({ family: "odd method", method, path, headers: {} }));

const VALID_ECHO = Buffer.from(JSON.stringify({ text: "a", times: 1 }));
const jsonEncoded = (encoding: string) => ({ "content-type": "application/json", "content-encoding": encoding });

type Encoded = [Record<string, string>, Buffer];

// Weighted by how many cases each line stands for, so each of the twelve is as likely as any other.
const oddEncoding: fc.Arbitrary<BadRequest> = fc
  .oneof(
    {
      weight: 7,
      arbitrary: fc.constantFrom<Encoded>(
        [{ "content-type": "text/plain" }, VALID_ECHO],
        [{ "content-type": "application/x-www-form-urlencoded" }, Buffer.from("text=a&times=1")],
        [{ "content-type": "application/json; charset=latin1" }, VALID_ECHO],
        [{ "content-type": "application/json; charset=utf-16" }, VALID_ECHO],
        [{ "content-type": "application/json; charset=nope" }, VALID_ECHO],
        [jsonEncoded("compress"), VALID_ECHO],
        [jsonEncoded("gzip"), gzipSync("{not json")],
      ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom("gzip", "deflate", "br"), printable(1, 30))
        .map(([encoding, text]): Encoded => [jsonEncoded(encoding), Buffer.from(text)]),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 20_000, max: 200_000 })
        .map((size): Encoded => [jsonEncoded("gzip"), gzipSync(Buffer.alloc(size, " "))]),
    },
    {
      weight: 1,
      arbitrary: printable(1, 20).map((type): Encoded => [
        { "content-type": type.replace(/[^\x21-\x7e]/g, "x") },
        VALID_ECHO,
      ]),
    },
  )
  .map(([headers, body]) => badRequest({ family: "odd encoding", method: "POST", path: "/echo", headers, body }));

const rawGarbage: fc.Arbitrary<BadRequest> = fc
  .oneof(
    { weight: 1, arbitrary: printable(1, 60).map((line) => `${line}\r\n\r\n`) },
    {
      weight: 7,
      arbitrary: fc.constantFrom(
        "GET /hello HTTP/9.9\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost x\r\n\r\n",
        `GET /hello HTTP/1.1\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`,
        "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "POST /echo HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /echo HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        "GET /\u0000hello HTTP/1.1\r\n\r\n",
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 10 })
        .map((count) => `GET /${"%".repeat(count)} HTTP/1.1\r\nHost: x\r\n\r\n`),
    },
  )
  .map((text) =>
    badRequest({ family: "raw garbage", method: "RAW", path: "", headers: {}, raw: Buffer.from(text, "latin1") }),
  );

/**
 * Bad requests of every family, each family as likely as any other: malformed and mistyped JSON,
 * bodies past `limitBytes`, odd paths, methods and encodings, and bytes no HTTP client would send.
 */
export function badRequests(limitBytes: number): fc.Arbitrary<BadRequest> {
  return fc.oneof(malformedJson, wrongTypes, hugeBody(limitBytes), oddPath, oddMethod, oddEncoding, rawGarbage);
}
