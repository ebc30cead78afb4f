// The loader on a customer's page: reads its options from its own <script>
// tag, defines window.Webchat (and nothing else), tracks the visitor, draws the
// launcher, and opens the chat app (/chat) in an iframe panel or a popup.
import {
  isChatToLoaderMessage,
  type LoaderToChatMessage,
  type WebchatApi,
  type WebchatEvent,
  type WidgetMode,
  type WidgetPosition,
  type WidgetVisitor,
} from "../lib/widget/protocol";
import { pickLang, words } from "./i18n";
import { createStore } from "./storage";
import { startTracking } from "./tracking";
import { applyLook, createUi, type Ui } from "./ui";

interface Config {
  primaryColor: string;
  textColor: string;
  logoUrl: string | null;
  title: string | null;
  greeting: string | null;
  position: WidgetPosition;
  launchMode: WidgetMode;
}

type Command = [string, unknown[]?];
type Global = Partial<WebchatApi> & { q?: { push(c: Command): unknown }; version?: number };

const METHODS = ["open", "close", "toggle", "setVisitor", "on"];
const POPUP_NAME = "webchat";
const TEASER_DELAY_MS = 2500;

const hex = (v: unknown, fallback: string) => (typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v) ? v : fallback);
const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const oneOf = <T extends string>(v: unknown, values: readonly T[]) => (values.includes(v as T) ? (v as T) : null);

export function boot() {
  const g = window as unknown as { Webchat?: Global };
  // A second copy of the snippet on the same page: the first one serves.
  if (g.Webchat?.version) return;

  const script = (document.currentScript ||
    [...document.querySelectorAll<HTMLScriptElement>("script[src*='widget.js']")].pop()) as HTMLScriptElement | undefined;
  if (!script?.src) return;
  const host = new URL(script.src, location.href).origin;
  const attr = (name: string) => script.getAttribute("data-" + name);
  const dataMode = oneOf(attr("mode"), ["iframe", "popup"] as const);
  const dataPosition = oneOf(attr("position"), ["bottom-right", "bottom-left"] as const);
  const hideButton = attr("hide-button") !== null && attr("hide-button") !== "false";
  const category = attr("category");
  const lang = pickLang(attr("lang"), document.documentElement.lang, navigator.language);
  const w = words(lang);

  const store = createStore();
  const listeners: Partial<Record<WebchatEvent, ((p: unknown) => void)[]>> = {};
  let cfg: Config | null = null;
  let cfgLoaded = false;
  let openWanted = false;
  let ui: Ui | null = null;
  let frame: HTMLIFrameElement | null = null;
  let popup: Window | null = null;
  let readyChat: Window | null = null;
  let isOpen = false;
  let unread = store.get().unread || 0;
  let visitor: WidgetVisitor = {};
  let returnFocus: Element | null = null;

  const emit = (event: WebchatEvent, payload?: unknown) => {
    for (const fn of listeners[event] || []) {
      try {
        fn(payload);
      } catch (e) {
        console.error(e);
      }
    }
  };

  const chatUrl = (embed: WidgetMode) =>
    `${host}/chat?embed=${embed}&lang=${lang}` + (category ? `&category=${encodeURIComponent(category)}` : "");

  const tracking = startTracking(host, store, () => {
    if (readyChat) sendInit(readyChat);
  });

  // Only to the chat host's origin: a page that replaced our iframe's document cannot read the token.
  function sendInit(target: Window) {
    void tracking.identity().then((id) => {
      const msg: LoaderToChatMessage = {
        type: "webchat:init",
        visitorId: id ? id.visitorId : null,
        token: id ? id.token : null,
        visitor,
        pageUrl: location.href,
        pageTitle: document.title,
      };
      try {
        target.postMessage(msg, host);
      } catch {
        // the window is gone
      }
    });
  }

  function position(): WidgetPosition {
    return dataPosition || cfg?.position || "bottom-right";
  }

  function ensureUi(): Ui {
    if (ui) return ui;
    const u = (ui = createUi(w));
    applyLook(u, { bg: cfg?.primaryColor || "#4f46e5", fg: cfg?.textColor || "#ffffff", position: position(), hideButton });
    u.launcher.onclick = () => toggle();
    u.panelClose.onclick = () => close();
    u.teaserOpen.onclick = () => open();
    u.teaserClose.onclick = () => hideTeaser();
    // Escape with focus on the launcher or on nothing in particular; inside the
    // cross-origin iframe the chat app sees the key and posts "webchat:close".
    document.addEventListener("keydown", (e) => {
      const active = document.activeElement;
      if (e.key === "Escape" && isOpen && !popup && (active === u.host || active === document.body || !active)) close();
    });
    renderState();
    return u;
  }

  function renderState() {
    if (!ui) return;
    const label = (isOpen ? w.close : w.open) + (unread ? ` (${w.unread(unread)})` : "");
    ui.wrap.classList.toggle("open", isOpen && !popup);
    ui.launcher.setAttribute("aria-expanded", String(isOpen));
    ui.launcher.setAttribute("aria-label", label);
    ui.badge.textContent = unread > 99 ? "99+" : String(unread);
    ui.badge.hidden = !unread;
  }

  function setOpen(value: boolean) {
    if (isOpen === value) return;
    isOpen = value;
    store.set({ open: value && !popup });
    renderState();
    emit(value ? "open" : "close");
  }

  function setUnread(count: number) {
    if (count === unread) return;
    unread = count;
    store.set({ unread });
    renderState();
    emit("unread", count);
  }

  function hideTeaser() {
    store.set({ teased: true });
    if (ui) ui.teaser.hidden = true;
  }

  function dropFrame() {
    if (frame && readyChat === frame.contentWindow) readyChat = null;
    frame?.remove();
    frame = null;
    ui?.panel.classList.remove("rd", "ok");
  }

  function openPanel(focus: boolean) {
    const u = ensureUi();
    if (!frame) {
      frame = document.createElement("iframe");
      frame.src = chatUrl("iframe");
      frame.title = cfg?.title || w.title;
      frame.allow = "autoplay; clipboard-write";
      frame.onload = () => u.panel.classList.add("ok");
      u.panel.appendChild(frame);
    }
    u.panel.setAttribute("aria-label", cfg?.title || w.title);
    if (focus) returnFocus = document.activeElement;
    setOpen(true);
    if (focus) frame.focus();
  }

  // A named window: a popup left open by an earlier page of the site is reused
  // (its document is the chat host's, so reading its location throws) instead of reloaded.
  function openPopup(): boolean {
    const x = Math.max(0, screenX + outerWidth - 440);
    const y = Math.max(0, screenY + outerHeight - 700);
    let win: Window | null = null;
    try {
      win = window.open("", POPUP_NAME, `popup,width=400,height=640,left=${x},top=${y}`);
      if (!win) return false;
      let blank = false;
      try {
        blank = win.location.href === "about:blank";
      } catch {
        // the chat is already there
      }
      if (blank) win.location.replace(chatUrl("popup"));
      // An adopted chat window said "ready" to an earlier page long ago.
      else readyChat = win;
      win.focus();
    } catch {
      return false;
    }
    popup = win;
    sendInit(win);
    dropFrame();
    if (isOpen) {
      store.set({ open: false });
      renderState();
    } else setOpen(true);
    return true;
  }

  function open(focus = true) {
    hideTeaser();
    if (isOpen) {
      if (focus) (popup || frame)?.focus();
      return;
    }
    if (!cfgLoaded) {
      openWanted = true;
      return;
    }
    // The chat host refused this site (or is down): the widget stays off entirely.
    if (!cfg) return;
    const mode = dataMode || cfg.launchMode;
    // A blocked popup must not leave the visitor without a chat: the panel stands in.
    if (mode === "popup" && openPopup()) return;
    openPanel(focus);
  }

  function close() {
    if (popup) {
      try {
        popup.close();
      } catch {
        // not ours to close any more
      }
      popup = null;
    }
    const hadFocus = ui && document.activeElement === ui.host;
    setOpen(false);
    if (hadFocus) ((hideButton ? returnFocus : ui!.launcher) as HTMLElement | null)?.focus?.();
  }

  function toggle() {
    if (isOpen) close();
    else open();
  }

  addEventListener("message", (e) => {
    const src = e.source as Window | null;
    if (e.origin !== host || !src || (src !== frame?.contentWindow && src !== popup) || !isChatToLoaderMessage(e.data)) return;
    const m = e.data;
    if (m.type === "webchat:ready") {
      readyChat = src;
      if (src !== popup) ui?.panel.classList.add("rd");
      sendInit(src);
    } else if (m.type === "webchat:close") close();
    else if (m.type === "webchat:unread") setUnread(m.count);
    else if (m.type === "webchat:message") emit("message", { body: m.message.body, senderType: m.message.senderType });
    else if (src !== popup) openPopup();
  });

  // A popup closed by the visitor is a close; there is no event for it, so poll while one exists.
  setInterval(() => {
    if (popup && popup.closed) {
      popup = null;
      readyChat = null;
      setOpen(false);
    }
  }, 1000);

  const api: WebchatApi & { version: number } = {
    version: 1,
    open: () => open(),
    close,
    toggle,
    setVisitor(v) {
      if (!v || typeof v !== "object") return;
      const next: WidgetVisitor = { ...visitor };
      for (const k of ["name", "phone", "email"] as const) {
        if (typeof v[k] === "string") next[k] = v[k]!.trim().slice(0, 200);
      }
      visitor = next;
      if (readyChat) sendInit(readyChat);
    },
    on(event, fn) {
      if (typeof fn !== "function" || !["open", "close", "message", "unread"].includes(event)) return () => {};
      const f = fn as (p: unknown) => void;
      const list = (listeners[event as WebchatEvent] ||= []);
      list.push(f);
      return () => {
        const i = list.indexOf(f);
        if (i >= 0) list.splice(i, 1);
      };
    },
  };

  // Keep the stub object itself: a site may hold a reference to it.
  const target: Global = g.Webchat && typeof g.Webchat === "object" ? g.Webchat : {};
  const queued = Array.isArray(target.q) ? (target.q as Command[]) : [];
  const run = (c: Command) => {
    if (!Array.isArray(c) || !METHODS.includes(c[0])) return;
    try {
      (api[c[0] as keyof WebchatApi] as (...a: unknown[]) => void)(...(Array.isArray(c[1]) ? c[1] : []));
    } catch {
      // a bad queued call must not stop the others
    }
  };
  Object.assign(target, api);
  // Stub functions captured before we loaded still push here: run them at once.
  target.q = { push: run };
  g.Webchat = target;
  queued.forEach(run);

  fetch(host + "/api/widget/config", { credentials: "omit" })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)
    .then((c: Partial<Config> | null) => {
      cfgLoaded = true;
      // No config: the site is not allowed or the chat host is down; stay invisible.
      if (c) {
        cfg = {
          primaryColor: hex(c.primaryColor, "#4f46e5"),
          textColor: hex(c.textColor, "#ffffff"),
          logoUrl: str(c.logoUrl) && /^https?:\/\//.test(c.logoUrl!) ? c.logoUrl! : null,
          title: str(c.title),
          greeting: str(c.greeting),
          position: oneOf(c.position, ["bottom-right", "bottom-left"] as const) || "bottom-right",
          launchMode: oneOf(c.launchMode, ["iframe", "popup"] as const) || "iframe",
        };
        const u = ensureUi();
        applyLook(u, { bg: cfg.primaryColor, fg: cfg.textColor, position: position(), hideButton });
        u.launcher.hidden = hideButton;
        maybeTease(u, cfg);
      }
      const restore = store.get().open && (dataMode || cfg?.launchMode) !== "popup";
      if (openWanted) open();
      else if (restore && cfg) open(false);
    })
    .catch(() => {});

  function maybeTease(u: Ui, c: Config) {
    if (hideButton || !c.greeting || store.get().teased) return;
    setTimeout(() => {
      if (isOpen || store.get().teased) return;
      const img = u.teaser.querySelector("img")!;
      if (c.logoUrl) {
        img.src = c.logoUrl;
        img.hidden = false;
      }
      u.teaser.querySelector("b")!.textContent = c.title || w.title;
      u.teaser.querySelector("i")!.textContent = c.greeting;
      u.teaser.hidden = false;
      // Once per visitor: a greeting that follows them from page to page is noise.
      store.set({ teased: true });
    }, TEASER_DELAY_MS);
  }
}
