// Builds widget/index.ts into one minified IIFE. Used by scripts/build-widget.ts
// and by the tests, so both measure exactly what customers' pages download.
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** DESIGN §7: the loader stays within 6 KB gzip. */
export const WIDGET_GZIP_BUDGET = 6 * 1024;

export interface WidgetBuild {
  code: string;
  rawBytes: number;
  gzipBytes: number;
}

export async function buildWidget(): Promise<WidgetBuild> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "index.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    // Every browser with shadow DOM and sendBeacon also runs ES2020 (optional chaining stays short).
    target: ["es2020"],
    // Non-ASCII stays escaped: sites in windows-1251 may serve or cache it without a charset.
    charset: "ascii",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  return { code, rawBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
}
