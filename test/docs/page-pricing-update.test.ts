// The documented examples of docs/pricing-update.md (run-page.ts says how they run).
import { describePage } from "./run-page.js";

describePage("docs/pricing-update.md");
