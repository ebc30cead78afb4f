// Outgoing e-mail (W3) through nodemailer when SMTP_URL is set; without it
// messages only land in the admin inbox.
import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
}

export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export async function sendMail(mail: Mail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({
      from: process.env.MAIL_FROM || "Webchat <webchat@localhost>",
      to: mail.to,
      replyTo: mail.replyTo,
      subject: mail.subject,
      // Text only: nothing a visitor typed is ever sent as HTML.
      text: mail.text,
    });
  } finally {
    transport.close();
  }
}
