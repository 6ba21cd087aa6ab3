// The documented examples of docs/cli.md (run-page.ts says how they run).
import { describePage } from "./run-page.js";

describePage("docs/cli.md");
