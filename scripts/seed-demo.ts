import { assertEmbeddedDbFree } from "@/lib/server/data-lock";
import { closeDb, getDb } from "@/lib/db";
import { DEMO_PASSWORD, seedDemo } from "@/lib/demo/seed";

assertEmbeddedDbFree();
const result = await seedDemo(await getDb());
console.log("Demo data is in place.");
console.log(`Categories: ${result.categories.join(", ")}`);
console.log(`Users (password "${DEMO_PASSWORD}" for all):`);
for (const u of result.users) console.log(`  ${u}`);
await closeDb();
