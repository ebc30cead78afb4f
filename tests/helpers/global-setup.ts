// Tests that talk to the real server need a production build of the current
// sources; build once here when the build is missing or older than the code.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const SOURCES = ["app", "lib", "components", "messages", "i18n", "widget", "auth.ts", "proxy.ts", "next.config.ts", "package.json"];

function newestMtime(p: string): number {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

export default function setup() {
  if (process.env.WEBCHAT_SKIP_BUILD === "1") return;
  const buildId = path.join(root, ".next", "BUILD_ID");
  const widget = path.join(root, "public", "widget.js");
  const built = fs.existsSync(buildId) && fs.existsSync(widget) ? Math.min(fs.statSync(buildId).mtimeMs, fs.statSync(widget).mtimeMs) : 0;
  const changed = Math.max(...SOURCES.map(newestMtime));
  if (built > changed) return;
  console.log("[tests] building the app and the widget for the server tests (npm run build)…");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}
