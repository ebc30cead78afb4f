import { assertEmbeddedDbFree } from "@/lib/server/data-lock";
import { closeDb, getDbHandle } from "@/lib/db";

assertEmbeddedDbFree();
const handle = await getDbHandle(); // opens and migrates
console.log(`Migrations applied (${handle.kind}).`);
await closeDb();
