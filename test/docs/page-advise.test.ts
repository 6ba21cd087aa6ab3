// The documented examples of docs/advise.md (run-page.ts says how they run).
import { describePage } from "./run-page.js";

describePage("docs/advise.md");
