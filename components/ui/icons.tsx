// Stroke icons (24×24, Lucide-like paths) used across the staff UI.
export const ICONS = {
  workplace: "M4 5h16v10H8l-4 4z",
  monitor: "M3 12h4l3-8 4 16 3-8h4",
  overview: "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
  users: "M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6M21 19v-1a4 4 0 0 0-3-3.9M16 4.1a3 3 0 0 1 0 5.8",
  categories: "M4 6h16M4 12h16M4 18h10",
  inbox: "M22 12h-6l-2 3h-4l-2-3H2M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11",
  widget: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 12h8M12 8v8",
  chats: "M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z",
  menu: "M4 6h16M4 12h16M4 18h16",
  close: "M18 6 6 18M6 6l12 12",
  signOut: "M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9",
  plus: "M12 5v14M5 12h14",
  lock: "M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4",
  arrowRight: "M5 12h14M13 6l6 6-6 6",
} as const;

/** A decorative icon, 16 px unless `className` gives a size (h-*, w-* or size-*). */
export function Icon({ d, className = "" }: { d: string; className?: string }) {
  const sized = /(^|\s)(h|w|size)-/.test(className);
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={`flex-none ${sized ? "" : "h-4 w-4"} ${className}`} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}
