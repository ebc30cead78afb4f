// The loader as customers' pages get it: built by the same function as
// `npm run build:widget`, then run in a bare V8 context with a fake page.
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { WEBCHAT_STUB } from "@/lib/widget/snippet";
import { buildWidget, WIDGET_GZIP_BUDGET, type WidgetBuild } from "@/widget/build";

let bundle: WidgetBuild;

beforeAll(async () => {
  bundle = await buildWidget();
});

interface FakePage {
  context: vm.Context & Record<string, unknown>;
  fetches: { url: string; body?: string; init?: RequestInit }[];
  beacons: { url: string; body: string }[];
  storage: Map<string, string>;
  listeners: Map<string, ((e: unknown) => void)[]>;
  intervals: (() => void)[];
  run(code: string): unknown;
}

// Just enough of a browser for the loader's start-up path: no DOM is drawn
// until the config arrives, and the fake config request never answers.
function fakePage(opts: { attrs?: Record<string, string>; before?: string; session?: object } = {}): FakePage {
  const fetches: FakePage["fetches"] = [];
  const beacons: FakePage["beacons"] = [];
  const storage = new Map<string, string>();
  const listeners = new Map<string, ((e: unknown) => void)[]>();
  const intervals: (() => void)[] = [];
  const attrs = opts.attrs ?? {};
  const context = vm.createContext({
    URL,
    console,
    location: { href: "https://shop.example/products#top", origin: "https://shop.example" },
    navigator: {
      language: "ru-RU",
      sendBeacon: (url: string, body: string) => {
        beacons.push({ url, body });
        return true;
      },
    },
    document: {
      currentScript: { src: "https://chat.example/widget.js", getAttribute: (n: string) => attrs[n] ?? null },
      documentElement: { lang: "" },
      title: "Products",
      referrer: "https://search.example/",
      visibilityState: "visible",
      querySelectorAll: () => [],
      addEventListener: () => {},
    },
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, String(v)),
    },
    fetch: (url: string, init?: RequestInit) => {
      fetches.push({ url, body: init?.body as string | undefined, init });
      if (url.endsWith("/api/widget/session")) {
        return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(opts.session ?? { visitorId: "v-1", token: "t-1" }) });
      }
      return new Promise(() => {});
    },
    addEventListener: (type: string, fn: (e: unknown) => void) => {
      listeners.set(type, [...(listeners.get(type) ?? []), fn]);
    },
    setInterval: (fn: () => void) => intervals.push(fn),
    setTimeout: () => 0,
  }) as FakePage["context"];
  context.window = context;
  const run = (code: string) => vm.runInContext(code, context);
  if (opts.before) run(opts.before);
  return { context, fetches, beacons, storage, listeners, intervals, run };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

// The one-liner sites paste before the script tag.
const STUB = WEBCHAT_STUB;

describe("widget bundle", () => {
  it(`stays within ${WIDGET_GZIP_BUDGET} bytes gzip`, () => {
    expect(bundle.gzipBytes).toBeGreaterThan(1000);
    expect(bundle.gzipBytes).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET);
    expect(bundle.code).not.toMatch(/sourceMappingURL|process\.env|require\(/);
  });

  it("defines no global except window.Webchat", () => {
    const page = fakePage();
    const before = new Set(Object.getOwnPropertyNames(page.context));
    page.run(bundle.code);
    const added = Object.getOwnPropertyNames(page.context).filter((k) => !before.has(k));
    expect(added).toEqual(["Webchat"]);
    const api = page.context.Webchat as Record<string, unknown>;
    for (const m of ["open", "close", "toggle", "setVisitor", "on"]) expect(typeof api[m]).toBe("function");
  });

  it("never throws into the page, even without a DOM", () => {
    const bare = vm.createContext({});
    expect(() => vm.runInContext(bundle.code, bare)).not.toThrow();
    const page = fakePage();
    (page.context.document as Record<string, unknown>).currentScript = null;
    expect(() => page.run(bundle.code)).not.toThrow();
    expect(page.context.Webchat).toBeUndefined();
  });

  it("keeps the queue stub object and replays calls made before it loaded", async () => {
    const page = fakePage({ before: `${STUB};var held=window.Webchat;Webchat.setVisitor({name:"Ann"});Webchat.on("unread",function(n){window.__n=n})` });
    page.run(bundle.code);
    await flush();
    expect(page.run("held === window.Webchat && typeof held.open === 'function' && held.version === 1")).toBe(true);
    // A stub function captured before load still works afterwards.
    expect(() => page.run(`held.q.push(["toggle",[]])`)).not.toThrow();
    // A second copy of the snippet leaves the first one in charge.
    page.run(bundle.code);
    expect(page.fetches.filter((f) => f.url.endsWith("/config"))).toHaveLength(1);
  });

  it("fetches its config and reports the page view as text/plain JSON to its own host", async () => {
    const page = fakePage({ attrs: { "data-lang": "en" } });
    page.run(bundle.code);
    await flush();
    const urls = page.fetches.map((f) => f.url);
    expect(urls).toContain("https://chat.example/api/widget/config");
    const session = page.fetches.find((f) => f.url === "https://chat.example/api/widget/session")!;
    expect(session.init?.method).toBe("POST");
    expect(session.init?.credentials).toBe("omit");
    expect(typeof session.body).toBe("string"); // a string body is sent as text/plain: no preflight
    expect(session.init?.headers).toBeUndefined();
    expect(JSON.parse(session.body!)).toEqual({
      url: "https://shop.example/products#top",
      title: "Products",
      referrer: "https://search.example/",
      language: "ru-RU",
    });
    expect(JSON.parse(page.storage.get("webchat:v1")!)).toMatchObject({ visitorId: "v-1", token: "t-1" });
  });

  it("sends the stored identity, heartbeats while visible and a beacon on leaving", async () => {
    const page = fakePage();
    page.storage.set("webchat:v1", JSON.stringify({ visitorId: "v-old", token: "t-old" }));
    page.run(bundle.code);
    await flush();
    const session = page.fetches.find((f) => f.url.endsWith("/session"))!;
    expect(JSON.parse(session.body!)).toMatchObject({ visitorId: "v-old", token: "t-old" });
    // The server answered with a new identity (the old token was not valid): it replaces the stored one.
    expect(JSON.parse(page.storage.get("webchat:v1")!)).toMatchObject({ visitorId: "v-1", token: "t-1" });

    const now = Date.now();
    page.run(`Date.now = () => ${now + 31_000}`);
    for (const fn of page.intervals) fn();
    const beat = page.fetches.find((f) => f.url.endsWith("/api/widget/track"));
    expect(JSON.parse(beat!.body!)).toEqual({ token: "t-1", type: "heartbeat", url: "https://shop.example/products#top", title: "Products" });

    // Hidden tabs stay quiet.
    (page.context.document as Record<string, unknown>).visibilityState = "hidden";
    page.run(`Date.now = () => ${now + 70_000}`);
    for (const fn of page.intervals) fn();
    expect(page.fetches.filter((f) => f.url.endsWith("/track"))).toHaveLength(1);

    // A single-page site moving on is a new page view, with the old page as referrer.
    (page.context.location as Record<string, unknown>).href = "https://shop.example/cart";
    for (const fn of page.intervals) fn();
    const views = page.fetches.filter((f) => f.url.endsWith("/session"));
    expect(views).toHaveLength(2);
    expect(JSON.parse(views[1]!.body!)).toMatchObject({ url: "https://shop.example/cart", referrer: "https://shop.example/products", token: "t-1" });

    for (const fn of page.listeners.get("pagehide") ?? []) fn({});
    expect(page.beacons).toHaveLength(1);
    expect(page.beacons[0]!.url).toBe("https://chat.example/api/widget/track");
    expect(JSON.parse(page.beacons[0]!.body)).toMatchObject({ token: "t-1", type: "leave", url: "https://shop.example/cart" });
  });

  it("ignores messages from other origins or windows", async () => {
    const page = fakePage({ before: `${STUB};Webchat.on("unread",function(n){window.__unread=n})` });
    page.run(bundle.code);
    await flush();
    const deliver = (e: object) => (page.listeners.get("message") ?? []).forEach((fn) => fn(e));
    deliver({ origin: "https://evil.example", source: {}, data: { type: "webchat:unread", count: 5 } });
    deliver({ origin: "https://chat.example", source: {}, data: { type: "webchat:unread", count: 5 } });
    expect(page.context.__unread).toBeUndefined();
  });
});
