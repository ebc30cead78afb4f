// The ready demo of `npm run db:seed-demo`; running it again changes nothing.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db";
import { categories, userCategories, users, widgetSettings } from "../db/schema";
import { hashPassword } from "../auth/password";
import type { Role } from "../auth/permissions";

export const DEMO_PASSWORD = "demo";

const DEMO_CATEGORIES = [
  { name: "English", kind: "language", description: "Chat in English", sortOrder: 10 },
  { name: "Русский", kind: "language", description: "Чат на русском языке", sortOrder: 20 },
  { name: "Sales", kind: "topic", description: "Plans, prices and orders", sortOrder: 30 },
  { name: "Support", kind: "topic", description: "Help with our products", sortOrder: 40 },
  { name: "Billing", kind: "topic", description: "Invoices and payments", sortOrder: 50 },
  { name: "Corporate clients", kind: "department", description: "For business customers", sortOrder: 60 },
] as const;

const DEMO_USERS: { email: string; name: string; role: Role; skills: string[]; greeting?: string }[] = [
  { email: "admin@demo.local", name: "Alex Admin", role: "admin", skills: [] },
  { email: "supervisor@demo.local", name: "Sam Supervisor", role: "supervisor", skills: ["English", "Русский", "Sales", "Support", "Billing", "Corporate clients"] },
  { email: "operator1@demo.local", name: "Olivia Operator", role: "operator", skills: ["English", "Sales", "Support"], greeting: "Hi, I'm Olivia. How can I help you today?" },
  { email: "operator2@demo.local", name: "Олег Оператор", role: "operator", skills: ["Русский", "Support", "Billing"], greeting: "Здравствуйте! Меня зовут Олег. Чем могу помочь?" },
  { email: "operator3@demo.local", name: "Omar Operator", role: "operator", skills: ["English", "Billing", "Corporate clients"], greeting: "Hello, Omar here. What can I do for you?" },
];

export async function seedDemo(db: Db): Promise<{ users: string[]; categories: string[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const c of DEMO_CATEGORIES) {
      const [found] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(and(eq(categories.name, c.name), eq(categories.kind, c.kind), isNull(categories.archivedAt)));
      const id = found?.id ?? (await tx.insert(categories).values({ ...c, queueWaitLimitSec: 300 }).returning())[0]!.id;
      ids.set(c.name, id);
    }
    for (const u of DEMO_USERS) {
      const [found] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${u.email}`);
      if (found) continue;
      const [row] = await tx
        .insert(users)
        .values({ email: u.email, name: u.name, role: u.role, greeting: u.greeting ?? null, maxDialogs: 3, passwordHash })
        .returning();
      const skills = u.skills.map((s) => ({ userId: row!.id, categoryId: ids.get(s)! }));
      if (skills.length) await tx.insert(userCategories).values(skills).onConflictDoNothing();
    }
    // The demo site shows a branded launcher with a greeting; an admin's own settings are kept.
    await tx
      .insert(widgetSettings)
      .values({ id: 1, title: "ACME Support", greeting: "Hi! Questions about your plan or your bill? We're online.", primaryColor: "#6d28d9" })
      .onConflictDoNothing();
    return { users: DEMO_USERS.map((u) => u.email), categories: DEMO_CATEGORIES.map((c) => c.name) };
  });
}
