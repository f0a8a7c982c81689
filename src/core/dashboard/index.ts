/**
 * `/dashboard`: an organiser, in a private chat, gets a one-time link to the
 * organisers' web dashboard (see signin.ts). In a group the link would be
 * seen by everyone, so it is refused there with a pointer to the private chat.
 */
import type { Feature } from "../feature.ts";
import { fill, type Localised, t } from "../i18n.ts";
import { text } from "../replies.ts";
import type { DashboardAuth } from "./signin.ts";

export { DashboardAuth, type DashboardSession, type SignInOptions, type SignInRefusal } from "./signin.ts";

const M = {
  link: {
    en: "Your sign-in link to the organisers' dashboard (works once, for {minutes} minutes; don't share it):\n{url}",
    "zh-HK": "籌辦人控制台的登入連結（只可使用一次，{minutes} 分鐘內有效；請勿分享）：\n{url}",
  },
  privateOnly: {
    en: "Send /dashboard to me in a private chat: a sign-in link must not be posted in a group.",
    "zh-HK": "請在私訊中向我發送 /dashboard：登入連結不可在群組中發出。",
  },
  description: { en: "A sign-in link to the organisers' dashboard", "zh-HK": "籌辦人控制台的登入連結" },
} satisfies Record<string, Localised>;

/** Builds the `/dashboard` feature; `baseUrl` is the dashboard's public address (no trailing slash needed). */
export function dashboard(auth: DashboardAuth, baseUrl: string): Feature {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    name: "dash",
    commands: [
      {
        name: "dashboard",
        description: M.description,
        organiserOnly: true,
        hidden: true,
        privateOnly: true,
        async run(ctx) {
          if (ctx.chat.type !== "private") return [text(t(ctx.lang, M.privateOnly), { private: true })];
          const token = await auth.issueLink(ctx.member);
          if (!token) return [];
          const url = `${base}/signin?token=${token}`;
          return [text(fill(t(ctx.lang, M.link), { minutes: auth.linkMinutes, url }), { private: true })];
        },
      },
    ],
  };
}
