// A cookie-keeping HTTP client that signs in through Auth.js's own endpoints
// and submits server-action forms the way a browser without JavaScript does.
export class StaffClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.keepCookies(res);
    return res;
  }

  async login(email: string, password: string): Promise<Response> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password }),
    });
  }

  get signedIn(): boolean {
    return [...this.cookies.keys()].some((k) => k.includes("session-token"));
  }

  /**
   * The hidden server-action fields of the form on `path` that contains a field
   * named `marker`, as rendered for progressive enhancement.
   */
  async actionFields(path: string, marker: string): Promise<[string, string][]> {
    const res = await this.fetch(path);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    const html = await res.text();
    const form = html.split("<form").find((f) => f.includes(`name="${marker}"`));
    if (!form) throw new Error(`no form with field ${marker} on ${path}`);
    const fields: [string, string][] = [];
    for (const m of form.split("</form>")[0]!.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?\/?>/g)) {
      fields.push([m[1]!, decodeHtml(m[2] ?? "")]);
    }
    if (!fields.length) throw new Error(`no action fields in the form on ${path}`);
    return fields;
  }

  /** Posts a server-action form (hidden fields + values) to `path`. */
  async submitAction(path: string, actionFields: [string, string][], values: Record<string, string | string[]>) {
    const fd = new FormData();
    for (const [k, v] of actionFields) fd.append(k, v);
    for (const [k, v] of Object.entries(values)) for (const x of [v].flat()) fd.append(k, x);
    return this.fetch(path, { method: "POST", body: fd });
  }
}

function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
