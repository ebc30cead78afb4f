// The chat app's calls to /api/chat/*: the visitor token in a header, JSON in
// and out, and errors as ApiError with the server's status, code and fields.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: Record<string, string[]> = {},
    /** The server's own (English) sentence, for telling apart errors that share a status. */
    readonly serverMessage = "",
  ) {
    super(code);
  }
}

export type ChatApi = <T>(path: string, body?: unknown) => Promise<T>;

export function chatApi(token: () => string): ChatApi {
  return async <T>(path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(path, {
        method: body === undefined ? "GET" : "POST",
        headers: { "X-Visitor-Token": token(), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
      });
    } catch {
      throw new ApiError(0, "network");
    }
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, data?.error ?? "error", data?.fieldErrors ?? {}, data?.message ?? "");
    return data as T;
  };
}

/** A message's idempotency key: random, in the server's [A-Za-z0-9_-]{1,64} alphabet; works outside secure contexts too. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
