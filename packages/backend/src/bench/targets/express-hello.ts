// The benchmark's plain Express target: stock Express 5 and res.json, as authors write it.
import express from "express";
import { socketArgument } from "./socket-argument.ts";

const app = express();
app.get("/hello", (_req, res) => {
  res.json({ hello: "world" });
});
app.listen(socketArgument(), () => console.log("listening"));
