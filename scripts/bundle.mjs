// Bundles an app's entry points (and the workspace packages they use) into dist/; npm dependencies stay external
// and load from node_modules at run time.
import { build } from "esbuild";

const entryPoints = process.argv.slice(2);
if (entryPoints.length === 0) {
  console.error("usage: node scripts/bundle.mjs <entry.ts>...");
  process.exit(64);
}

await build({
  entryPoints,
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [
    {
      name: "external-npm-packages",
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
          const workspace = args.path.startsWith("@ketenportaal/") && !args.path.startsWith("@ketenportaal/portal");
          return workspace ? undefined : { path: args.path, external: true };
        });
      },
    },
  ],
});
