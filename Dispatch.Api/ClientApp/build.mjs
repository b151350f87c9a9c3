// Bundles each page's module (and its generated protobuf code) with esbuild and copies the static
// pages beside them: the result works with no network, no CDN.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist", { recursive: true });
cpSync("public", "dist", { recursive: true });
await build({
  entryPoints: {
    signin: "src/signin.js",
    region: "src/region/page.js",
    hospital: "src/hospital/page.js",
    reader: "src/reader/page.js",
  },
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: true,
  outdir: "dist",
  logLevel: "warning",
});
