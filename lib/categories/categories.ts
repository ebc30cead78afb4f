import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../db";
import { categories, dialogs, userCategories, type Category } from "../db/schema";
import { Conflict, NotFound } from "../errors";
import { parseOrThrow } from "../validation";
import { categorySchema } from "./schemas";

export interface CategoryRow extends Category {
  dialogCount: number;
  operatorCount: number;
}

/** Categories for the admin list, archived ones last. */
export async function listCategories(db: Db, opts: { includeArchived?: boolean } = {}): Promise<CategoryRow[]> {
  const rows = await db
    .select({
      category: categories,
      dialogCount: sql<number>`(select count(*)::int from ${dialogs} d where d.category_id = ${categories.id})`,
      operatorCount: sql<number>`(select count(*)::int from ${userCategories} uc where uc.category_id = ${categories.id})`,
    })
    .from(categories)
    .where(opts.includeArchived ? undefined : isNull(categories.archivedAt))
    .orderBy(sql`${categories.archivedAt} is not null`, asc(categories.sortOrder), asc(categories.name));
  return rows.map((r) => ({ ...r.category, dialogCount: Number(r.dialogCount), operatorCount: Number(r.operatorCount) }));
}

/** What a visitor may choose from: enabled, not archived, in display order. */
export function listVisitorCategories(db: Db) {
  return db
    .select({
      id: categories.id,
      name: categories.name,
      kind: categories.kind,
      description: categories.description,
    })
    .from(categories)
    .where(and(eq(categories.enabled, true), isNull(categories.archivedAt)))
    .orderBy(asc(categories.sortOrder), asc(categories.name));
}

export async function getCategory(db: Db, id: string): Promise<Category> {
  const [row] = await db.select().from(categories).where(eq(categories.id, id));
  if (!row) throw new NotFound("Category not found");
  return row;
}

async function assertNameFree(db: Db, name: string, kind: Category["kind"], exceptId?: string) {
  const [clash] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(
      and(
        sql`lower(${categories.name}) = lower(${name})`,
        eq(categories.kind, kind),
        isNull(categories.archivedAt),
        exceptId ? ne(categories.id, exceptId) : undefined,
      ),
    );
  if (clash) throw new Conflict("A category with this name and kind already exists", { name: ["Already in use"] });
}

export async function createCategory(db: Db, input: unknown): Promise<Category> {
  const data = parseOrThrow(categorySchema, input);
  return db.transaction(async (tx) => {
    await assertNameFree(tx, data.name, data.kind);
    const [row] = await tx.insert(categories).values(data).returning();
    return row!;
  });
}

export async function updateCategory(db: Db, id: string, input: unknown): Promise<Category> {
  const data = parseOrThrow(categorySchema, input);
  return db.transaction(async (tx) => {
    const current = await getCategory(tx, id);
    if (current.archivedAt) throw new Conflict("An archived category cannot be edited");
    await assertNameFree(tx, data.name, data.kind, id);
    const [row] = await tx
      .update(categories)
      .set({ ...data, updatedAt: new Date() })
      .where(eq(categories.id, id))
      .returning();
    return row!;
  });
}

/**
 * Deletes a category that never had dialogs; one with dialogs is archived
 * (disabled, hidden, its skills removed) so that history keeps its name.
 */
export async function deleteCategory(db: Db, id: string): Promise<{ archived: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from ${categories} where id = ${id} for update`);
    const current = await getCategory(tx, id);
    const [used] = await tx.select({ id: dialogs.id }).from(dialogs).where(eq(dialogs.categoryId, id)).limit(1);
    if (!used) {
      await tx.delete(categories).where(eq(categories.id, id));
      return { archived: false };
    }
    if (!current.archivedAt) {
      await tx
        .update(categories)
        .set({ archivedAt: new Date(), enabled: false, updatedAt: new Date() })
        .where(eq(categories.id, id));
      await tx.delete(userCategories).where(eq(userCategories.categoryId, id));
    }
    return { archived: true };
  });
}

/** Ids that exist and are not archived, for skill assignment. */
export async function assertCategoriesAssignable(db: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const unique = [...new Set(ids)];
  const found = await db
    .select({ id: categories.id })
    .from(categories)
    .where(and(inArray(categories.id, unique), isNull(categories.archivedAt)));
  if (found.length !== unique.length) {
    throw new NotFound("One of the chosen categories does not exist or is archived");
  }
}
