// The VM service: Docker Desktop starts the image's CMD, which runs this with
// --socket /run/guest-services/minimal-backend.sock (the name metadata.json's vm.exposes.socket gives).
import { runBackend } from "@dext/backend";
import { contract } from "../shared/contract.ts";
import { createHandlers } from "./handlers.ts";

let address = "";
const running = await runBackend({
  name: "minimal-backend",
  contract,
  handlers: createHandlers(() => address),
});
address = running?.address ?? "";
