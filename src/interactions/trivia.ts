// The one factory that wires trivia for the bot, the console and the CLI: the rules
// (src/trivia/game.ts) over the store, with the messages a round posts by itself rendered in the
// starter's language and handed to whatever can post to a channel there.
import { roundEventMessage } from "../cards/trivia.js";
import type { Dataset } from "../data/load.js";
import { langOf } from "../i18n/index.js";
import { type LogSink, silentLogger } from "../log-sink.js";
import type { DB } from "../storage/db.js";
import { type Clock, systemClock } from "../trivia/clock.js";
import {
  type FollowUpHandle,
  type Player,
  type RoundEvent,
  type RoundRoute,
  TriviaGame,
} from "../trivia/game.js";
import { TriviaServices } from "../trivia/services.js";
import { TriviaStore } from "../trivia/store.js";
import type { MessagePayload } from "./types.js";

/** Posts outside an interaction (reveals, next questions, standings). */
export interface Messenger {
  /** To a channel the bot is a member of. */
  send(channelId: string, payload: MessagePayload): Promise<void>;
  /** Through the webhook of the interaction that started the round, where it is not. */
  followUp(handle: FollowUpHandle, payload: MessagePayload): Promise<void>;
}

export interface TriviaWiring {
  clock?: Clock;
  log?: LogSink;
  seedFor?: (player: Player) => number;
}

function roundOf(event: RoundEvent) {
  switch (event.kind) {
    case "reveal":
      return event.reveal.round;
    case "question":
      return event.opened.round;
    default:
      return event.round;
  }
}

export function createTrivia(
  ds: Dataset,
  db: DB,
  messenger: Messenger,
  wiring: TriviaWiring = {},
): TriviaGame {
  const events = {
    publish: (route: RoundRoute, event: RoundEvent) => {
      const payload = roundEventMessage(ds, event, langOf(roundOf(event).locale));
      return route.followUp
        ? messenger.followUp(route.followUp, payload)
        : messenger.send(route.channelId, payload);
    },
  };
  return new TriviaGame(
    ds,
    new TriviaStore(db),
    wiring.clock ?? systemClock,
    events,
    wiring.log ?? silentLogger,
    wiring.seedFor,
    new TriviaServices(db, ds, wiring.clock ?? systemClock, wiring.log ?? silentLogger),
  );
}
