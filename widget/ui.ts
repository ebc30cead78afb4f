// Everything the loader draws, inside one shadow root on one <webchat-widget>
// element: page styles cannot reach in, ours cannot leak out. A custom tag
// name matches none of the site's element selectors; the inline `all: initial`
// beats even its !important rules.
import type { WidgetPosition } from "../lib/widget/protocol";
import type { Words } from "./i18n";

const CSS = `
:host{all:initial}
*{box-sizing:border-box;margin:0;font:inherit}
[hidden]{display:none!important}
.w{--bg:#4f46e5;--fg:#fff;--s:20px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a}
.l,.p,.t{position:fixed;right:var(--s);z-index:2147483000}
.left .l,.left .p,.left .t{right:auto;left:var(--s)}
.l{bottom:var(--s);width:60px;height:60px;border:0;padding:0;border-radius:50%;background:var(--bg);color:var(--fg);cursor:pointer;display:grid;place-items:center;box-shadow:0 8px 24px rgba(15,23,42,.22),0 2px 6px rgba(15,23,42,.12);transition:transform .2s}
.l:hover{transform:scale(1.06)}
.l:focus-visible,.t button:focus-visible,.x:focus-visible{outline:3px solid #2563eb;outline-offset:3px}
.l svg{grid-area:1/1;width:28px;height:28px;fill:currentColor;transition:transform .2s,opacity .2s}
.l .c,.open .l .m{opacity:0;transform:rotate(-90deg) scale(.6)}
.open .l .c{opacity:1;transform:none}
.b{position:absolute;top:-3px;right:-3px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#e11d48;color:#fff;font:700 12px/22px system-ui,sans-serif;text-align:center;box-shadow:0 0 0 2px #fff}
.p{bottom:92px;width:380px;height:600px;max-width:calc(100vw - 40px);max-height:calc(100vh - 116px);border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 16px 48px rgba(15,23,42,.28);opacity:0;visibility:hidden;transform:translateY(16px) scale(.98);transform-origin:bottom right;transition:opacity .2s,transform .2s,visibility .2s}
.left .p{transform-origin:bottom left}
.nb .p{bottom:var(--s);max-height:calc(100vh - 40px)}
.open .p{opacity:1;visibility:visible;transform:none;transition:opacity .2s,transform .2s}
iframe{position:relative;display:block;width:100%;height:100%;border:0}
.ld{position:absolute;inset:0;display:grid;place-items:center}
.ld:after{content:"";width:32px;height:32px;border-radius:50%;border:3px solid #e2e8f0;border-top-color:var(--bg);animation:r .8s linear infinite}
@keyframes r{to{transform:rotate(1turn)}}
.x{display:none;position:absolute;top:10px;right:10px;z-index:1;width:36px;height:36px;border:0;border-radius:50%;background:rgba(15,23,42,.6);color:#fff;font-size:22px;line-height:1;cursor:pointer}
.rd .x,.ok .ld{display:none}
.t{bottom:92px;display:flex;max-width:min(300px,calc(100vw - 40px));padding:4px;border-radius:16px;background:#fff;box-shadow:0 10px 32px rgba(15,23,42,.2);animation:f .3s ease-out}
.nb .t{bottom:var(--s)}
@keyframes f{from{opacity:0;transform:translateY(8px)}}
.t button{border:0;background:none;color:inherit;cursor:pointer;border-radius:12px;text-align:left}
.tb{display:flex;gap:10px;padding:10px 6px 10px 12px}
.tb img{flex:none;width:36px;height:36px;border-radius:50%;object-fit:cover}
.tb b{display:block;font-weight:600}
.tb i{font-style:normal;color:#334155;white-space:pre-line;display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical;overflow:hidden}
.tx{flex:none;align-self:flex-start;width:28px;height:28px;color:#64748b!important;font-size:18px;line-height:1}
@media (max-width:639px){
.open .p{inset:0;width:100%;height:100%;max-width:none;max-height:none;border-radius:0}
.open .l,.open .t{display:none}
.x{display:grid;place-items:center}
}
@media (prefers-reduced-motion:reduce){.w *{transition:none!important;animation-duration:0s!important}}
`;

const ICON_CHAT = '<svg class="m" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4.3 21l4.1-2.1c1.1.4 2.3.6 3.6.6 5.5 0 10-3.8 10-8.5S17.5 3 12 3Z"/></svg>';
const ICON_CLOSE = '<svg class="c" viewBox="0 0 24 24" aria-hidden="true"><path d="M6.7 8.1 12 13.4l5.3-5.3 1.4 1.4L12 16.2 5.3 9.5Z"/></svg>';

export interface Ui {
  host: HTMLElement;
  root: ShadowRoot;
  wrap: HTMLElement;
  launcher: HTMLButtonElement;
  badge: HTMLElement;
  panel: HTMLElement;
  teaser: HTMLElement;
  teaserOpen: HTMLButtonElement;
  teaserClose: HTMLButtonElement;
  panelClose: HTMLButtonElement;
}

export function createUi(w: Words): Ui {
  const host = document.createElement("webchat-widget");
  host.setAttribute("style", "all:initial!important");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    `<style>${CSS}</style><div class="w">` +
    `<button class="l" type="button" aria-expanded="false" aria-controls="p" hidden>${ICON_CHAT}${ICON_CLOSE}<span class="b" aria-hidden="true" hidden></span></button>` +
    `<div class="t" hidden><button class="tb" type="button"><img alt="" hidden><span><b></b><i></i></span></button><button class="tx" type="button">×</button></div>` +
    `<div class="p" id="p" role="dialog"><div class="ld"></div><button class="x" type="button">×</button></div></div>`;
  const $ = <T extends Element>(s: string) => root.querySelector(s) as T;
  const ui: Ui = {
    host,
    root,
    wrap: $(".w"),
    launcher: $(".l"),
    badge: $(".b"),
    panel: $(".p"),
    teaser: $(".t"),
    teaserOpen: $(".tb"),
    teaserClose: $(".tx"),
    panelClose: $(".x"),
  };
  ui.teaserClose.setAttribute("aria-label", w.dismiss);
  ui.panelClose.setAttribute("aria-label", w.close);
  // An async script in <head> can get here before <body> exists.
  const attach = () => document.body.appendChild(host);
  if (document.body) attach();
  else document.addEventListener("DOMContentLoaded", attach);
  return ui;
}

export function applyLook(ui: Ui, look: { bg: string; fg: string; position: WidgetPosition; hideButton: boolean }) {
  ui.wrap.style.setProperty("--bg", look.bg);
  ui.wrap.style.setProperty("--fg", look.fg);
  ui.wrap.classList.toggle("left", look.position === "bottom-left");
  ui.wrap.classList.toggle("nb", look.hideButton);
}
