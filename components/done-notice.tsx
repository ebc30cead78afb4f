import { getTranslations } from "next-intl/server";

/** The success message after a redirect, from a catalogue key. */
export async function DoneNotice({ messageKey }: { messageKey?: string | null }) {
  if (!messageKey) return null;
  const t = await getTranslations();
  return (
    <div role="status" className="mb-4 flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2.5 text-sm font-medium text-emerald-800">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 flex-none" fill="currentColor">
        <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16m3.7-9.3a1 1 0 0 0-1.4-1.4L9 10.6 7.7 9.3a1 1 0 0 0-1.4 1.4l2 2a1 1 0 0 0 1.4 0z" clipRule="evenodd" />
      </svg>
      {t(messageKey)}
    </div>
  );
}
