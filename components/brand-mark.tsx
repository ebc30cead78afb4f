/** The product's mark: a speech bubble on the brand colour. Decorative. */
export function BrandMark({ size = "md" }: { size?: "md" | "lg" }) {
  const box = size === "lg" ? "h-12 w-12 rounded-xl" : "h-8 w-8 rounded-lg";
  const glyph = size === "lg" ? "h-7 w-7" : "h-5 w-5";
  return (
    <span aria-hidden="true" className={`grid flex-none place-items-center bg-gradient-to-br from-brand-500 to-brand-700 text-white shadow-sm ${box}`}>
      <svg viewBox="0 0 24 24" className={glyph} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
        <path d="M8.5 12h.01M12 12h.01M15.5 12h.01" />
      </svg>
    </span>
  );
}
