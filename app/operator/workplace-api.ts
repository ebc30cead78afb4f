"use client";
// The workplace's calls to /api/operator/*. Every answer is JSON; failures
// become ApiError with the server's code and message.
import type { DialogView, MessageView, Workplace } from "@/lib/workplace/workplace";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "Network error");
  }
  const data = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, data.error ?? "error", data.message ?? res.statusText);
  return data as T;
}

const dialog = (id: string) => `/api/operator/dialogs/${encodeURIComponent(id)}`;
const offer = (id: string) => `/api/operator/offers/${encodeURIComponent(id)}`;

export const api = {
  workplace: () => call<Workplace>("GET", "/api/operator/workplace"),
  setStatus: (status: Workplace["me"]["status"]) => call<{ status: Workplace["me"]["status"]; statusSince: string }>("POST", "/api/operator/status", { status }),
  heartbeat: () => call<{ status: Workplace["me"]["status"]; now: string }>("POST", "/api/operator/heartbeat", {}),
  accept: (id: string, attempt?: number) => call<{ dialog: { id: string; state: string; lastSeq: number } }>("POST", `${offer(id)}/accept`, { attempt }),
  decline: (id: string, attempt?: number) => call<{ ok: true }>("POST", `${offer(id)}/decline`, { attempt }),
  dialog: (id: string) => call<DialogView>("GET", dialog(id)),
  messagesAfter: (id: string, after: number, limit?: number) =>
    call<{ messages: MessageView[]; lastSeq: number; state: DialogView["dialog"]["state"] }>(
      "GET",
      `${dialog(id)}/messages?after=${after}${limit ? `&limit=${limit}` : ""}`,
    ),
  send: (id: string, clientId: string, body: string) => call<{ message: MessageView; created: boolean }>("POST", `${dialog(id)}/messages`, { clientId, body }),
  read: (id: string, seq: number) => call<{ updated: number }>("POST", `${dialog(id)}/read`, { seq }),
  close: (id: string) => call<{ dialog: { id: string; state: string; outcome: string | null } }>("POST", `${dialog(id)}/close`, {}),
};
