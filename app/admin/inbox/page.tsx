import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listComplaints, listOfflineMessages, listRatings } from "@/lib/feedback/feedback";
import { markReadAction, resolveComplaintAction } from "./actions";
import { RowAction } from "./row-action";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inbox");
  return { title: t("title") };
}

// W3 messages left when no operator could take the chat, W5 ratings and complaints.
export default async function InboxPage() {
  await requirePageUser("area.admin", "/admin/inbox");
  const t = await getTranslations("inbox");
  const format = await getFormatter();
  const db = await getDb();
  const [messages, ratings, complaints] = await Promise.all([listOfflineMessages(db), listRatings(db), listComplaints(db)]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const average = ratings.length ? ratings.reduce((s, r) => s + r.score, 0) / ratings.length : null;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <section aria-labelledby="offline-title" className="mb-10">
        <h2 id="offline-title" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">{t("offline")}</h2>
        {messages.length === 0 ? (
          <EmptyState>{t("offlineEmpty")}</EmptyState>
        ) : (
          <Card className="divide-y divide-slate-100">
            {messages.map(({ message: m, categoryName }) => (
              <article key={m.id} className={`px-5 py-4 ${m.readAt ? "" : "bg-brand-50/40"}`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm font-medium text-slate-900">
                    {m.name} <span className="font-normal text-slate-600">&lt;{m.email}&gt;</span>
                  </p>
                  <div className="flex items-center gap-2">
                    {categoryName ? <Badge tone="brand">{categoryName}</Badge> : null}
                    {m.mailedAt ? <Badge tone="green">{t("mailed")}</Badge> : m.mailError ? <Badge tone="red">{t("mailFailed")}</Badge> : <Badge>{t("stored")}</Badge>}
                    <time className="text-xs text-slate-600" dateTime={m.createdAt.toISOString()}>{when(m.createdAt)}</time>
                  </div>
                </div>
                <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">{m.body}</p>
                {m.readAt ? null : (
                  <div className="mt-2">
                    <RowAction action={markReadAction} id={m.id} label={t("markRead")} />
                  </div>
                )}
              </article>
            ))}
          </Card>
        )}
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="ratings-title">
          <h2 id="ratings-title" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
            {t("ratings")}
            {average !== null ? <span className="ml-2 normal-case text-slate-800">{t("average", { value: average.toFixed(1), count: ratings.length })}</span> : null}
          </h2>
          {ratings.length === 0 ? (
            <EmptyState>{t("ratingsEmpty")}</EmptyState>
          ) : (
            <Card className="divide-y divide-slate-100">
              {ratings.map((r) => (
                <div key={r.id} className="px-5 py-3">
                  <div className="flex items-center justify-between">
                    <span className="text-sm font-medium text-amber-700" aria-label={t("score", { score: r.score })}>
                      {"★".repeat(r.score)}
                      <span className="text-slate-300">{"★".repeat(5 - r.score)}</span>
                    </span>
                    <time className="text-xs text-slate-600" dateTime={r.createdAt.toISOString()}>{when(r.createdAt)}</time>
                  </div>
                  {r.comment ? <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800">{r.comment}</p> : null}
                </div>
              ))}
            </Card>
          )}
        </section>
        <section aria-labelledby="complaints-title">
          <h2 id="complaints-title" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">{t("complaints")}</h2>
          {complaints.length === 0 ? (
            <EmptyState>{t("complaintsEmpty")}</EmptyState>
          ) : (
            <Card className="divide-y divide-slate-100">
              {complaints.map((c) => (
                <div key={c.id} className="px-5 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="text-sm text-slate-800">{[c.name, c.email].filter(Boolean).join(" · ") || t("anonymous")}</p>
                    <div className="flex items-center gap-2">
                      {c.status === "open" ? <Badge tone="amber">{t("open")}</Badge> : <Badge tone="green">{t("resolved")}</Badge>}
                      <time className="text-xs text-slate-600" dateTime={c.createdAt.toISOString()}>{when(c.createdAt)}</time>
                    </div>
                  </div>
                  <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800">{c.body}</p>
                  {c.status === "open" ? (
                    <div className="mt-2">
                      <RowAction action={resolveComplaintAction} id={c.id} label={t("resolve")} />
                    </div>
                  ) : null}
                </div>
              ))}
            </Card>
          )}
        </section>
      </div>
    </>
  );
}
