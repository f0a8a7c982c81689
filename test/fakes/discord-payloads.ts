/** Raw gateway payloads (as Discord sends them) for the fake Discord's dispatches. */
import { type FakeDiscord, IDS, user } from "./discord-api.ts";

/** Where an event happens: the server channel, or a DM with the user. */
export type Place = "guild" | "dm";

/** The person acting. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly roles?: readonly string[];
  readonly locale?: string;
}

function where(actor: Actor, place: Place): Record<string, unknown> {
  const u = user(actor.id, actor.name);
  if (place === "dm") {
    return { channel_id: `9${actor.id}`, channel: { id: `9${actor.id}`, type: 1, recipients: [u] }, user: u };
  }
  return {
    guild_id: IDS.guild,
    channel_id: IDS.channel,
    channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: "general" },
    member: {
      user: u,
      nick: null,
      roles: actor.roles ?? [],
      joined_at: "2026-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      permissions: "0",
    },
    guild_locale: "en-US",
  };
}

function interaction(fake: FakeDiscord, actor: Actor, place: Place, type: number, data: Record<string, unknown>) {
  const id = fake.id();
  const ctx = where(actor, place);
  return {
    id,
    application_id: IDS.app,
    type,
    token: `tok-${id}`,
    version: 1,
    locale: actor.locale ?? "en-US",
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: {},
    context: place === "dm" ? 1 : 0,
    attachment_size_limit: 10_485_760,
    ...ctx,
    data,
  };
}

/** INTERACTION_CREATE of a slash command with the `text` option. */
export function slash(fake: FakeDiscord, actor: Actor, place: Place, name: string, text?: string) {
  const options = text === undefined ? [] : [{ name: "text", type: 3, value: text }];
  return interaction(fake, actor, place, 2, { id: fake.id(), name, type: 1, options });
}

/** INTERACTION_CREATE of a slash command with typed string options, under a subcommand when `sub` is given. */
export function slashWith(
  fake: FakeDiscord,
  actor: Actor,
  place: Place,
  name: string,
  values: Record<string, string>,
  sub?: string,
) {
  const given = Object.entries(values).map(([n, value]) => ({ name: n, type: 3, value }));
  const options = sub ? [{ name: sub, type: 1, options: given }] : given;
  return interaction(fake, actor, place, 2, { id: fake.id(), name, type: 1, options });
}

/** The pressed message: ephemeral, or the answer to `answerTo`'s command. */
export interface Pressed {
  readonly ephemeral?: boolean;
  readonly answerTo?: Actor;
}

/** INTERACTION_CREATE of a button press on a message of the bot. */
export function press(fake: FakeDiscord, actor: Actor, place: Place, customId: string, pressed: Pressed = {}) {
  const i = interaction(fake, actor, place, 3, { custom_id: customId, component_type: 2 });
  const message = fake.message(place === "dm" ? `9${actor.id}` : IDS.channel, { content: "…" });
  const by = pressed.answerTo;
  return {
    ...i,
    message: {
      ...message,
      ...(pressed.ephemeral ? { flags: 64 } : {}),
      ...(by
        ? {
            interaction_metadata: {
              id: fake.id(),
              type: 2,
              user: user(by.id, by.name),
              authorizing_integration_owners: {},
            },
          }
        : {}),
    },
  };
}

/** INTERACTION_CREATE of a choice in a select menu. */
export function select(fake: FakeDiscord, actor: Actor, place: Place, customId: string, values: string[]) {
  const i = interaction(fake, actor, place, 3, { custom_id: customId, component_type: 3, values });
  return { ...i, message: fake.message(place === "dm" ? `9${actor.id}` : IDS.channel, { content: "…" }) };
}

/** INTERACTION_CREATE of a modal submit with labelled text inputs. */
export function modalSubmit(
  fake: FakeDiscord,
  actor: Actor,
  place: Place,
  customId: string,
  values: Record<string, string>,
) {
  const components = Object.entries(values).map(([name, value], n) => ({
    type: 18,
    id: n + 1,
    component: { type: 4, id: n + 10, custom_id: name, value },
  }));
  return interaction(fake, actor, place, 5, { custom_id: customId, components });
}

/** MESSAGE_CREATE from a member. */
export function message(fake: FakeDiscord, actor: Actor, place: Place, content: string) {
  const author = user(actor.id, actor.name);
  const base = fake.message(place === "dm" ? `9${actor.id}` : IDS.channel, { content }, author);
  if (place === "dm") return { ...base, channel_type: 1 };
  return {
    ...base,
    channel_type: 0,
    guild_id: IDS.guild,
    member: { roles: actor.roles ?? [], joined_at: "2026-01-01T00:00:00.000Z" },
  };
}

/** MESSAGE_POLL_VOTE_ADD / _REMOVE data. `answerId` counts from 1, as Discord's does. */
export function vote(actor: Actor, messageId: string, answerId: number) {
  return {
    user_id: actor.id,
    channel_id: IDS.channel,
    message_id: messageId,
    guild_id: IDS.guild,
    answer_id: answerId,
  };
}
