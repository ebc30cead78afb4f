import { getTranslations } from "next-intl/server";

/** The success message after a redirect, from a catalogue key. */
export async function DoneNotice({ messageKey }: { messageKey?: string | null }) {
  if (!messageKey) return null;
  const t = await getTranslations();
  return (
    <div role="status" className="mb-4 rounded-lg bg-emerald-50 px-4 py-2.5 text-sm font-medium text-emerald-800">
      {t(messageKey)}
    </div>
  );
}
