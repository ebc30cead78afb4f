"use server";
import { revalidatePath } from "next/cache";
import { runAction, type FormState } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { markOfflineMessageRead, resolveComplaint } from "@/lib/feedback/feedback";
import { uuidField } from "@/lib/validation";

function idOf(input: Record<string, unknown>): string {
  const r = uuidField.safeParse(input.id);
  if (!r.success) throw new NotFound("Not found");
  return r.data;
}

export async function markReadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const r = await runAction("settings.manage", formData, async (_u, input) => {
    await markOfflineMessageRead(await getDb(), idOf(input));
  });
  revalidatePath("/admin/inbox");
  return r;
}

export async function resolveComplaintAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const r = await runAction("settings.manage", formData, async (user, input) => {
    await resolveComplaint(await getDb(), idOf(input), user.id);
  });
  revalidatePath("/admin/inbox");
  return r;
}
