// npm run build:widget → public/widget.js, failing when it outgrows its budget.
import path from "node:path";
import { buildWidget, WIDGET_GZIP_BUDGET } from "../widget/build";

const outfile = path.resolve(import.meta.dirname, "../public/widget.js");
const { rawBytes, gzipBytes, code } = await buildWidget();
const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
console.log(`widget.js: ${kb(rawBytes)} raw, ${kb(gzipBytes)} gzip (budget ${kb(WIDGET_GZIP_BUDGET)} gzip)`);
if (gzipBytes > WIDGET_GZIP_BUDGET) {
  console.error(`widget.js is over its budget by ${gzipBytes - WIDGET_GZIP_BUDGET} bytes gzip; public/widget.js was not written.`);
  process.exit(1);
}
const fs = await import("node:fs");
fs.mkdirSync(path.dirname(outfile), { recursive: true });
fs.writeFileSync(outfile, code);
console.log(`wrote ${path.relative(process.cwd(), outfile)}`);
