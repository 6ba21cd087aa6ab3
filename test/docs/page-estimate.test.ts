// The documented examples of docs/estimate.md (run-page.ts says how they run).
import { describePage } from "./run-page.js";

describePage("docs/estimate.md");
