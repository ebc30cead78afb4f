// Runs before every test file: the caller's own product configuration (a
// developer's PUSHER_*, AUTH_URL, SMTP_URL, TRUST_PROXY, ...) must not change
// what a test sees. DATABASE_URL stays: it chooses the database the suite runs on.
import { PRODUCT_ENV } from "./env";

for (const name of PRODUCT_ENV) if (name !== "DATABASE_URL") delete process.env[name];
