// The benchmark's floor: bare node:http answering the same JSON, nothing else.
import { createServer } from "node:http";
import { socketArgument } from "./socket-argument.ts";

createServer((req, res) => {
  if (req.method === "GET" && req.url === "/hello") {
    const body = JSON.stringify({ hello: "world" });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  res.writeHead(404).end();
}).listen(socketArgument(), () => console.log("listening"));
