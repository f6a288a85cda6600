// What a server keeps beside its scores: its own question sets, the names its players answered
// under (for a teacher's export), and its trivia settings. Each takes the player and works in
// their scope: the server, or outside one the conversation.
import type { Dataset } from "../data/build.js";
import type { Lang } from "../i18n/index.js";
import type { LogSink } from "../log-sink.js";
import type { ImportedQuestion } from "../question-sets/parse.js";
import { QuestionSetStore, type SaveResult, type SetRow } from "../question-sets/store.js";
import type { Sql } from "../storage/sql.js";
import type { BoardView } from "./boards.js";
import type { Clock } from "./clock.js";
import { PageStore } from "./pages.js";
import { PlayerRecords, type ScoreColumns } from "./records.js";
import { ReportStore } from "./reports.js";
import { scopeOf } from "./scoring.js";
import { SettingsStore, type TriviaSettings } from "./settings.js";
import { type TermRow, type TermStart, TermStore } from "./terms.js";
import type { Player } from "./types.js";

/** The value of `term:` that asks for everything since the last reset rather than one term. */
export const ALL_TERMS = "all";

export class TriviaServices {
  readonly sets: QuestionSetStore;
  readonly records: PlayerRecords;
  readonly settings: SettingsStore;
  readonly reports: ReportStore;
  readonly terms: TermStore;
  /** The teacher's progress page: its secret link, made and revoked by /settings page. */
  readonly pages: PageStore;

  constructor(
    db: Sql,
    ds: Dataset,
    private readonly clock: Clock,
    log: LogSink,
  ) {
    this.sets = new QuestionSetStore(db);
    this.records = new PlayerRecords(db, ds);
    this.settings = new SettingsStore(db);
    this.reports = new ReportStore(db, log);
    this.terms = new TermStore(db);
    this.pages = new PageStore(db);
  }

  /** A player's report of a question, from the reveal's Report button. */
  report(player: Player, questionId: string, text: string) {
    return this.reports.add({
      scope: scopeOf(player),
      questionId,
      userId: player.userId,
      text,
      now: this.clock.now(),
    });
  }

  async openReports(player: Player) {
    const scope = scopeOf(player);
    return { reports: await this.reports.open(scope), total: await this.reports.countOpen(scope) };
  }

  resolveReport(player: Player, id: number, how: "hide" | "dismiss") {
    return this.reports.resolve(scopeOf(player), id, how);
  }

  settingsFor(player: Player): Promise<TriviaSettings> {
    return this.settings.get(scopeOf(player));
  }

  /** Who may change sets and settings, or export: Manage Server; outside a server, anyone there. */
  mayManage(player: Player): boolean {
    return player.guildId === null || Boolean(player.canManageGuild);
  }

  questionSets(player: Player): Promise<SetRow[]> {
    return this.sets.list(scopeOf(player));
  }

  findSet(player: Player, name: string): Promise<SetRow | undefined> {
    return this.sets.find(scopeOf(player), name);
  }

  setQuestions(set: SetRow): Promise<ImportedQuestion[]> {
    return this.sets.questions(set.id);
  }

  saveSet(player: Player, name: string, questions: readonly ImportedQuestion[]): Promise<SaveResult> {
    return this.sets.save(scopeOf(player), name, questions, player.userId, this.clock.now());
  }

  deleteSet(player: Player, name: string) {
    return this.sets.delete(scopeOf(player), name);
  }

  /** The scores here (in a view: see viewFor) or everywhere as CSV for a teacher. */
  exportScores(player: Player, scope: "server" | "global", columns: ScoreColumns, view: BoardView = {}) {
    return this.records.scoresCsv(scope === "global" ? "global" : scopeOf(player), columns, view);
  }

  /** Starts a term in the player's server (the caller checks the permission). */
  startTerm(player: Player, name: string): Promise<TermStart> {
    return this.terms.start(scopeOf(player), name, player.userId, this.clock.now());
  }

  endTerm(player: Player): Promise<TermRow | undefined> {
    return this.terms.end(scopeOf(player), player.userId, this.clock.now());
  }

  termsOf(player: Player): Promise<TermRow[]> {
    return this.terms.list(scopeOf(player));
  }

  /**
   * What a board, stats or an export shows here: the term asked for (by id or name; "all": since
   * the last reset), or by default the running term, else everything since the last reset. Null
   * when the term asked for is not one of this scope's.
   */
  async viewFor(player: Player, asked?: string): Promise<BoardView | null> {
    const wanted = asked?.trim();
    if (wanted === ALL_TERMS) return {};
    if (!wanted) {
      const term = await this.terms.current(scopeOf(player));
      return term ? { term } : {};
    }
    const term = await this.terms.find(scopeOf(player), wanted);
    return term ? { term } : null;
  }

  /** A player's own /study progress as CSV, its questions in the player's language. */
  exportStudy(player: Player, columns: readonly string[], lang: Lang) {
    return this.records.studyCsv(player.userId, columns, lang);
  }
}
