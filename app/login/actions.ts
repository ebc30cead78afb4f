"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";

export interface LoginState {
  error?: "invalid" | "failed";
  email?: string;
}

// Only same-site paths are accepted as the place to return to.
function safeCallback(v: FormDataEntryValue | null): string {
  return typeof v === "string" && v.startsWith("/") && !v.startsWith("//") ? v : "/after-login";
}

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? "").slice(0, 200),
      redirectTo: safeCallback(formData.get("callbackUrl")),
    });
    return {};
  } catch (err) {
    if (err instanceof AuthError) {
      return { error: err.type === "CredentialsSignin" ? "invalid" : "failed", email };
    }
    throw err; // the redirect on success
  }
}
