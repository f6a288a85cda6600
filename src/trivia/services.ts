// What a server keeps beside its scores: its own question sets, the names its players answered
// under (for a teacher's export), and its trivia settings. Each takes the player and works in
// their scope: the server, or outside one the conversation.
import type { Dataset } from "../data/build.js";
import type { LogSink } from "../log-sink.js";
import type { ImportedQuestion } from "../question-sets/parse.js";
import { QuestionSetStore, type SaveResult, type SetRow } from "../question-sets/store.js";
import type { Sql } from "../storage/sql.js";
import type { Clock } from "./clock.js";
import { PageStore } from "./pages.js";
import { PlayerRecords } from "./records.js";
import { ReportStore } from "./reports.js";
import { scopeOf } from "./scoring.js";
import { SettingsStore, type TriviaSettings } from "./settings.js";
import type { Player } from "./types.js";

export class TriviaServices {
  readonly sets: QuestionSetStore;
  readonly records: PlayerRecords;
  readonly settings: SettingsStore;
  readonly reports: ReportStore;
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

  /** The scores here (or everywhere) as CSV for a teacher. */
  exportScores(player: Player, scope: "server" | "global") {
    return this.records.scoresCsv(scope === "global" ? "global" : scopeOf(player));
  }

  /** A player's own /study progress as CSV. */
  exportStudy(player: Player) {
    return this.records.studyCsv(player.userId);
  }
}
