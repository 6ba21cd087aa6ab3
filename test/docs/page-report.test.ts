// The documented examples of docs/report.md (run-page.ts says how they run).
import { describePage } from "./run-page.js";

describePage("docs/report.md");
