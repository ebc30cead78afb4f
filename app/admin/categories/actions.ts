"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { runAction, type FormState } from "@/lib/auth/action";
import { createCategory, deleteCategory, updateCategory } from "@/lib/categories/categories";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { uuidField } from "@/lib/validation";

function categoryId(id: unknown): string {
  const r = uuidField.safeParse(id);
  if (!r.success) throw new NotFound("Category not found");
  return r.data;
}

export async function createCategoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction("categories.manage", formData, async (_u, input) => {
    await createCategory(await getDb(), input);
  });
  if (result.ok) {
    revalidatePath("/admin/categories");
    redirect("/admin/categories?done=created");
  }
  return result;
}

export async function updateCategoryAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction("categories.manage", formData, async (_u, input) => {
    await updateCategory(await getDb(), categoryId(id), input);
  });
  if (result.ok) {
    revalidatePath("/admin/categories");
    redirect("/admin/categories?done=updated");
  }
  return result;
}

export async function deleteCategoryAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  let archived = false;
  const result = await runAction("categories.manage", formData, async () => {
    archived = (await deleteCategory(await getDb(), categoryId(id))).archived;
  });
  if (result.ok) {
    revalidatePath("/admin/categories");
    redirect(`/admin/categories?done=${archived ? "archived" : "deleted"}`);
  }
  return result;
}
