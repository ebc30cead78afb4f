"use client";
// The chat's forms: starting a chat (W4 category, contact, first question),
// the W3 e-mail form, the W5 complaint and rating.
import { useState, type FormEvent } from "react";
import { fieldError, formError } from "./errors";
import type { Translate } from "./i18n";
import { Alert, Button, Field, Icon, LinkButton, Optional } from "./ui";

export interface VisitorCategory {
  id: string;
  name: string;
  kind: "language" | "topic" | "department";
  description: string | null;
}

export interface Contact {
  name: string;
  email: string;
  phone: string;
}

const KIND_ORDER = ["language", "topic", "department"] as const;
const KIND_KEY = { language: "kindLanguage", topic: "kindTopic", department: "kindDepartment" } as const;

function values(e: FormEvent<HTMLFormElement>): Record<string, string> {
  e.preventDefault();
  const out: Record<string, string> = {};
  new FormData(e.currentTarget).forEach((v, k) => {
    if (typeof v === "string") out[k] = v.trim();
  });
  return out;
}

function ContactFields({ t, contact, error, required = false }: { t: Translate; contact: Contact; error: unknown; required?: boolean }) {
  const opt = required ? null : <Optional>{t("optional")}</Optional>;
  return (
    <>
      <Field label={<>{t("nameLabel")}{opt}</>} error={fieldError(t, error, "name")}>
        {(p) => <input {...p} name="name" autoComplete="name" maxLength={100} defaultValue={contact.name} required={required} />}
      </Field>
      <div className={required ? "space-y-3" : "grid gap-3 min-[360px]:grid-cols-2"}>
        <Field label={<>{t("emailLabel")}{opt}</>} error={fieldError(t, error, "email")}>
          {(p) => <input {...p} name="email" type="email" autoComplete="email" maxLength={254} defaultValue={contact.email} required={required} />}
        </Field>
        {required ? null : (
          <Field label={<>{t("phoneLabel")}{opt}</>} error={fieldError(t, error, "phone")}>
            {(p) => <input {...p} name="phone" type="tel" autoComplete="tel" maxLength={32} defaultValue={contact.phone} />}
          </Field>
        )}
      </div>
    </>
  );
}

export function StartForm({
  t,
  categories,
  preselected,
  contact,
  greeting,
  busy,
  error,
  onSubmit,
}: {
  t: Translate;
  categories: VisitorCategory[];
  preselected: string | null;
  contact: Contact;
  greeting: string;
  busy: boolean;
  error: unknown;
  onSubmit: (v: { categoryId: string; name: string; email: string; phone: string; text: string }) => void;
}) {
  const only = categories.length === 1 ? categories[0]!.id : null;
  const [chosen, setChosen] = useState<string | null>(only ?? (categories.some((c) => c.id === preselected) ? preselected : null));
  const category = categories.find((c) => c.id === chosen) ?? null;

  if (!category) {
    return (
      <div className="flex-1 overflow-y-auto px-4 py-5">
        <h2 tabIndex={-1} data-autofocus className="text-lg font-semibold text-slate-900 focus:outline-none">
          {t("chooseTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("chooseHint")}</p>
        {fieldError(t, error, "categoryId") ? <div className="mt-3"><Alert>{t("errCategory")}</Alert></div> : null}
        {KIND_ORDER.map((kind) => {
          const list = categories.filter((c) => c.kind === kind);
          if (!list.length) return null;
          return (
            <section key={kind} className="mt-5" aria-labelledby={`kind-${kind}`}>
              <h3 id={`kind-${kind}`} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                {t(KIND_KEY[kind])}
              </h3>
              <ul className="mt-2 space-y-2">
                {list.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      onClick={() => setChosen(c.id)}
                      className="group flex w-full items-center gap-3 rounded-2xl border border-slate-200 bg-white px-4 py-3 text-left shadow-xs transition hover:border-(--wc-ink) hover:bg-slate-50"
                    >
                      <span className="min-w-0 flex-1">
                        <span className="block font-semibold text-slate-900">{c.name}</span>
                        {c.description ? <span className="block text-sm text-slate-600">{c.description}</span> : null}
                      </span>
                      <Icon name="back" className="h-4 w-4 rotate-180 text-slate-500 group-hover:text-(--wc-ink)" />
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    );
  }

  return (
    <form
      className="flex-1 space-y-3 overflow-y-auto px-4 py-4"
      noValidate
      onSubmit={(e) => {
        const v = values(e);
        onSubmit({ categoryId: category.id, name: v.name ?? "", email: v.email ?? "", phone: v.phone ?? "", text: v.text ?? "" });
      }}
    >
      <div className="flex items-end gap-2">
        <p className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-bl-md bg-slate-100 px-3.5 py-2.5 text-[15px] text-slate-800">
          {greeting}
        </p>
      </div>
      {categories.length > 1 ? (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <span className="font-medium">{t("topic", { name: category.name })}</span>
          <LinkButton onClick={() => setChosen(null)}>{t("change")}</LinkButton>
        </p>
      ) : null}
      <ContactFields t={t} contact={contact} error={error} />
      <Field label={t("questionLabel")} error={fieldError(t, error, "text")}>
        {(p) => (
          <textarea
            {...p}
            name="text"
            rows={3}
            required
            maxLength={5000}
            data-autofocus
            // Right after the visitor picked a category, the question is what comes next.
            autoFocus={categories.length > 1}
            placeholder={t("questionPlaceholder")}
            className={`${p.className} resize-none`}
          />
        )}
      </Field>
      <Alert>{formError(t, error, ["name", "email", "phone", "text"])}</Alert>
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? t("starting") : t("startChat")}
      </Button>
    </form>
  );
}

export function OfflineForm({
  t,
  reason,
  contact,
  text,
  busy,
  error,
  onSubmit,
  onBack,
}: {
  t: Translate;
  reason: "nobody" | "timeout" | "chosen";
  contact: Contact;
  text: string;
  busy: boolean;
  error: unknown;
  onSubmit: (v: { name: string; email: string; body: string }) => void;
  onBack?: () => void;
}) {
  const intro = reason === "nobody" ? t("offlineNobody") : reason === "timeout" ? t("offlineTimeout") : t("offlineIntro");
  return (
    <form
      className="flex-1 space-y-3 overflow-y-auto px-4 py-4"
      noValidate
      onSubmit={(e) => {
        const v = values(e);
        onSubmit({ name: v.name ?? "", email: v.email ?? "", body: v.body ?? "" });
      }}
    >
      {onBack ? (
        <LinkButton onClick={onBack} className="inline-flex items-center gap-1 no-underline">
          <Icon name="back" className="h-4 w-4" />
          {t("back")}
        </LinkButton>
      ) : null}
      <h2 tabIndex={-1} data-autofocus className="text-lg font-semibold text-slate-900 focus:outline-none">
        {t("offlineTitle")}
      </h2>
      <p className="text-sm text-slate-700">{intro}</p>
      <ContactFields t={t} contact={contact} error={error} required />
      <Field label={t("offlineBody")} error={fieldError(t, error, "body")}>
        {(p) => <textarea {...p} name="body" rows={4} required maxLength={5000} defaultValue={text} className={`${p.className} resize-none`} />}
      </Field>
      <Alert>{formError(t, error, ["name", "email", "body"])}</Alert>
      <Button type="submit" disabled={busy} className="w-full">
        <Icon name="mail" className="h-4 w-4" />
        {t("offlineSend")}
      </Button>
    </form>
  );
}

export function ComplaintForm({
  t,
  contact,
  busy,
  error,
  onSubmit,
  onBack,
}: {
  t: Translate;
  contact: Contact;
  busy: boolean;
  error: unknown;
  onSubmit: (v: { name: string; email: string; body: string }) => void;
  onBack: () => void;
}) {
  return (
    <form
      className="flex-1 space-y-3 overflow-y-auto px-4 py-4"
      noValidate
      onSubmit={(e) => {
        const v = values(e);
        onSubmit({ name: v.name ?? "", email: v.email ?? "", body: v.body ?? "" });
      }}
    >
      <LinkButton onClick={onBack} className="inline-flex items-center gap-1 no-underline">
        <Icon name="back" className="h-4 w-4" />
        {t("back")}
      </LinkButton>
      <h2 tabIndex={-1} data-autofocus className="text-lg font-semibold text-slate-900 focus:outline-none">
        {t("complaintTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("complaintIntro")}</p>
      <Field label={t("complaintBody")} error={fieldError(t, error, "body")}>
        {(p) => <textarea {...p} name="body" rows={4} required maxLength={5000} className={`${p.className} resize-none`} />}
      </Field>
      <ContactFields t={t} contact={contact} error={error} />
      <Alert>{formError(t, error, ["name", "email", "body"])}</Alert>
      <Button type="submit" disabled={busy} className="w-full">
        {t("complaintSend")}
      </Button>
    </form>
  );
}

export function RatingForm({
  t,
  busy,
  error,
  onSubmit,
}: {
  t: Translate;
  busy: boolean;
  error: unknown;
  onSubmit: (v: { score: number; comment: string }) => void;
}) {
  const [score, setScore] = useState(0);
  const [hover, setHover] = useState(0);
  const shown = hover || score;
  const label = (n: number) => t(`rate${n}` as "rate1");
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        const v = values(e);
        if (score) onSubmit({ score, comment: v.comment ?? "" });
      }}
    >
      <fieldset>
        <legend tabIndex={-1} data-autofocus className="text-base font-semibold text-slate-900 focus:outline-none">
          {t("rateTitle")}
        </legend>
        <div className="mt-2 flex items-center gap-3" onMouseLeave={() => setHover(0)}>
          <div className="flex">
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                onMouseEnter={() => setHover(n)}
                className="relative cursor-pointer rounded-lg p-1 text-amber-500 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-(--wc-ink)"
              >
                {/* The real radio covers its star: arrow keys, screen readers and clicks all reach it. */}
                <input
                  type="radio"
                  name="score"
                  value={n}
                  checked={score === n}
                  onChange={() => setScore(n)}
                  className="absolute inset-0 h-full w-full cursor-pointer appearance-none opacity-0"
                  aria-label={t("rateStar", { score: n, label: label(n) })}
                />
                <Icon name="star" filled={n <= shown} className={`h-8 w-8 ${n <= shown ? "" : "text-slate-400"}`} />
              </label>
            ))}
          </div>
          <span className="text-sm font-medium text-slate-700" aria-hidden="true">
            {shown ? label(shown) : ""}
          </span>
        </div>
      </fieldset>
      <Field label={<>{t("commentLabel")}<Optional>{t("optional")}</Optional></>}>
        {(p) => <textarea {...p} name="comment" rows={2} maxLength={1000} className={`${p.className} resize-none`} />}
      </Field>
      <Alert>{formError(t, error, [])}</Alert>
      <Button type="submit" disabled={busy || !score} className="w-full">
        {t("sendRating")}
      </Button>
    </form>
  );
}
