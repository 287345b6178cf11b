/** Entry of app.html, the browser page (no office.js: stack-notes trap 7). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

const el = document.getElementById("root");
if (el) createRoot(el).render(<App />);
