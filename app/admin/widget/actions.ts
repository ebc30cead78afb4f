"use server";
import { revalidatePath } from "next/cache";
import { runAction, type FormState } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { updateWidgetSettings, type WidgetSettings } from "@/lib/settings/widget-settings";
import { toWidgetFormValues } from "./form-values";

export async function saveWidgetSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let saved: WidgetSettings | null = null;
  const result = await runAction("settings.manage", formData, async (_u, input) => {
    saved = await updateWidgetSettings(await getDb(), input);
  });
  if (!result.ok || !saved) return result;
  revalidatePath("/admin/widget");
  // The stored form (colours in lower case, origins normalized) goes back to the fields.
  return { ...result, values: { ...toWidgetFormValues(saved) } };
}
