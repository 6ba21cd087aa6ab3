// The documented examples of docs/tune.md (run-page.ts says how they run).
import { describePage } from "./run-page.js";

describePage("docs/tune.md");
