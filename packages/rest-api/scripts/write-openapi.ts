// Writes openapi.json (the document Spectral lints and reviewers read) from the operations: `npm run openapi`.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument, DOCUMENT_PUBLIC_URL } from "../src/openapi";

const target = fileURLToPath(new URL("../openapi.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument({ publicUrl: DOCUMENT_PUBLIC_URL }), null, 2)}\n`);
// Formatted as the repository's formatter wants it, so `npm run lint` stays green.
execFileSync("npx", ["biome", "format", "--write", target], { stdio: "ignore" });
console.log(`wrote ${target}`);
