"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { runAction, type FormState } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { createUser, resetPassword, updateUser } from "@/lib/users/users";
import { uuidField } from "@/lib/validation";

function userId(id: unknown): string {
  const r = uuidField.safeParse(id);
  if (!r.success) throw new NotFound("User not found");
  return r.data;
}

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction("users.manage", formData, async (_user, input) => {
    await createUser(await getDb(), input);
  }, { arrays: ["skills"] });
  if (result.ok) {
    revalidatePath("/admin/users");
    redirect("/admin/users?done=created");
  }
  return result;
}

export async function updateUserAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction("users.manage", formData, async (actor, input) => {
    await updateUser(await getDb(), userId(id), input, actor.id);
  }, { arrays: ["skills"] });
  if (result.ok) {
    revalidatePath("/admin/users");
    redirect("/admin/users?done=updated");
  }
  return result;
}

export async function resetPasswordAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction("users.manage", formData, async (_actor, input) => {
    await resetPassword(await getDb(), userId(id), input);
  });
  if (result.ok) redirect("/admin/users?done=password");
  return result;
}
