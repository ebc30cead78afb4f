// The admin's widget colours (W6) as CSS variables, adjusted where needed so
// that text stays readable (WCAG AA 4.5:1) whatever colours were chosen.
const HEX = /^#[0-9a-f]{6}$/i;

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function toHex(rgb: number[]): string {
  return "#" + rgb.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, "0")).join("");
}

/** The colour darkened step by step until it reaches `ratio` against white. */
function inkOnWhite(hex: string, ratio = 4.5): string {
  let rgb = channels(hex);
  for (let i = 0; i < 20 && contrast(toHex(rgb), "#ffffff") < ratio; i++) rgb = rgb.map((v) => v * 0.85) as typeof rgb;
  return toHex(rgb);
}

export interface ChatTheme {
  "--wc-bg": string;
  "--wc-fg": string;
  "--wc-ink": string;
}

export function chatTheme(primary: string, text: string): ChatTheme {
  const bg = HEX.test(primary) ? primary.toLowerCase() : "#4f46e5";
  let fg = HEX.test(text) ? text.toLowerCase() : "#ffffff";
  if (contrast(bg, fg) < 4.5) fg = contrast(bg, "#ffffff") >= contrast(bg, "#0f172a") ? "#ffffff" : "#0f172a";
  return { "--wc-bg": bg, "--wc-fg": fg, "--wc-ink": inkOnWhite(bg) };
}
