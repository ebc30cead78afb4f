// The HTML a site owner pastes, built in one place for the admin page, the
// demo site and the tests.

/**
 * Defines window.Webchat before widget.js arrives; calls wait in `q` and run
 * once it has loaded. Safe in any order with the script tag, and twice.
 */
export const WEBCHAT_STUB =
  'window.Webchat=window.Webchat||{q:[]};["open","close","toggle","setVisitor","on"].forEach(function(m){var W=window.Webchat;W[m]=W[m]||function(){W.q.push([m,[].slice.call(arguments)])}})';

export interface SnippetOptions {
  mode?: "iframe" | "popup" | "";
  position?: "bottom-right" | "bottom-left" | "";
  lang?: "en" | "ru" | "";
  category?: string;
  hideButton?: boolean;
}

const escapeAttr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function scriptTag(chatOrigin: string, o: SnippetOptions = {}): string {
  const attrs = [
    o.mode ? ` data-mode="${o.mode}"` : "",
    o.position ? ` data-position="${o.position}"` : "",
    o.lang ? ` data-lang="${o.lang}"` : "",
    o.category ? ` data-category="${escapeAttr(o.category)}"` : "",
    o.hideButton ? " data-hide-button" : "",
  ].join("");
  return `<script src="${escapeAttr(chatOrigin)}/widget.js" async${attrs}></script>`;
}
