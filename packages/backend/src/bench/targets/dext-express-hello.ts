// The benchmark's dext-in-Express target: the same contract route served by @dext/backend/express
// behind express.json(), the way a backend that needs middleware is written.
import express from "express";
import * as z from "zod";
import { defineContract, defineRoute } from "../../client/contract.ts";
import { createExpressRouter } from "../../express-router.ts";
import { socketArgument } from "./socket-argument.ts";

const contract = defineContract({
  hello: defineRoute({ method: "GET", path: "/hello", response: z.object({ hello: z.string() }) }),
});

const app = express();
app.use(express.json());
app.use(createExpressRouter({ contract, createContext: () => ({}), handlers: { hello: () => ({ hello: "world" }) } }));
app.listen(socketArgument(), () => console.log("listening"));
