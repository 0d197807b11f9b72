// The VM service: answers GET /hello on the socket path its CMD passes as the last argument.
import { createServer } from "node:http";

const socket = process.argv.at(-1);
createServer((request, response) => {
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ message: "hello from the exec-form ENTRYPOINT's backend", path: request.url }));
}).listen(socket);
process.on("SIGTERM", () => process.exit(0));
