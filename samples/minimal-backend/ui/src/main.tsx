import { DextProvider } from "@dext/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <DextProvider>
      <App />
    </DextProvider>
  </StrictMode>,
);
