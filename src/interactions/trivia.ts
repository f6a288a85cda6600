// The one factory that wires trivia for the bot, the console and the CLI: the rules
// (src/trivia/game.ts) over the store, with the messages a round posts by itself rendered in the
// starter's language and handed to whatever can post to a channel there.
import { roundEventMessage } from "../cards/trivia.js";
import type { Dataset } from "../data/load.js";
import { langOf } from "../i18n/index.js";
import { type LogSink, silentLogger } from "../log-sink.js";
import type { Sql } from "../storage/sql.js";
import { type Clock, systemClock } from "../trivia/clock.js";
import {
  type Delivery,
  type FollowUpHandle,
  type Player,
  type RoundEvent,
  type RoundRoute,
  TriviaGame,
} from "../trivia/game.js";
import { TriviaServices } from "../trivia/services.js";
import { type AnswerOutcome, TriviaStore } from "../trivia/store.js";
import type { MessagePayload } from "./types.js";

/** A message the bot posted, to change later: in a channel, or through an interaction's webhook. */
export interface PostedMessage {
  messageId: string;
  channelId?: string;
  followUp?: FollowUpHandle;
}

/**
 * Posts outside an interaction (reveals, next questions, standings). A post that fails throws; a
 * PostFailure (src/trivia/types.ts) says whether it may be tried again.
 */
export interface Messenger {
  /**
   * To a channel the bot is a member of. With a `nonce`, Discord makes one message however often
   * the same post is sent (enforce_nonce), so a retry can never post it twice.
   */
  send(
    channelId: string,
    payload: MessagePayload,
    options?: { nonce?: string },
  ): Promise<PostedMessage | undefined>;
  /** Through the webhook of the interaction that started the round, where it is not. */
  followUp(handle: FollowUpHandle, payload: MessagePayload): Promise<PostedMessage | undefined>;
  /** Changes a posted message (a hint takes an answer away); without it, the change is posted anew. */
  edit?(message: PostedMessage, payload: MessagePayload): Promise<void>;
}

/**
 * A messenger that shows what would be posted (the console, `cli run`, tests): nothing to edit
 * later, so hints arrive as a new copy of the question.
 */
export function showingMessenger(
  show: (payload: MessagePayload, via: "channel" | "follow-up") => unknown,
): Messenger {
  return {
    send: async (_channel, payload) => {
      await show(payload, "channel");
      return undefined;
    },
    followUp: async (_handle, payload) => {
      await show(payload, "follow-up");
      return undefined;
    },
  };
}

export interface TriviaWiring {
  clock?: Clock;
  log?: LogSink;
  seedFor?: (player: Player) => number;
  /** Told of each answer counted and committed (the bot's metrics). */
  onAnswerCommitted?: () => void;
}

/** The store, telling whoever listens of each answer it counted, once committed. */
class ObservedStore extends TriviaStore {
  constructor(
    db: Sql,
    private readonly committed: () => void,
  ) {
    super(db);
  }

  override async recordAnswer(a: Parameters<TriviaStore["recordAnswer"]>[0]): Promise<AnswerOutcome> {
    const outcome = await super.recordAnswer(a);
    if (outcome.status === "counted") this.committed();
    return outcome;
  }
}

function roundOf(event: RoundEvent) {
  switch (event.kind) {
    case "reveal":
      return event.reveal.round;
    case "question":
    case "hint":
      return event.opened.round;
    default:
      return event.round;
  }
}

export function createTrivia(
  ds: Dataset,
  db: Sql,
  messenger: Messenger,
  wiring: TriviaWiring = {},
): TriviaGame {
  // Where each open question was posted, so that its hint can change it (by asked id).
  const questions = new Map<number, PostedMessage>();
  const post = (route: RoundRoute, payload: MessagePayload, delivery?: Delivery) =>
    route.followUp
      ? messenger.followUp(route.followUp, payload)
      : messenger.send(route.channelId, payload, delivery ? { nonce: delivery.nonce } : undefined);
  const events = {
    publish: async (route: RoundRoute, event: RoundEvent, delivery?: Delivery) => {
      const payload = roundEventMessage(ds, event, langOf(roundOf(event).locale));
      if (event.kind === "hint") {
        const asked = event.opened.asked.id;
        const where =
          questions.get(asked) ??
          (event.original ? { messageId: "@original", followUp: event.original } : undefined);
        questions.delete(asked);
        if (where && messenger.edit) await messenger.edit(where, payload);
        else await post(route, payload);
        return;
      }
      if (event.kind === "reveal") questions.delete(event.reveal.asked.id);
      const posted = await post(route, payload, delivery);
      if (event.kind === "question" && posted && event.opened.round.hints)
        questions.set(event.opened.asked.id, posted);
      return posted?.messageId;
    },
  };
  return new TriviaGame(
    ds,
    wiring.onAnswerCommitted ? new ObservedStore(db, wiring.onAnswerCommitted) : new TriviaStore(db),
    wiring.clock ?? systemClock,
    events,
    wiring.log ?? silentLogger,
    wiring.seedFor,
    new TriviaServices(db, ds, wiring.clock ?? systemClock, wiring.log ?? silentLogger),
  );
}
