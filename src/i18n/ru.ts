// Every Russian text a user can see: the same keys and shapes as en.ts (the type checker holds
// the two tables to one shape). Long on purpose, as en.ts is: every text in one place, in order.
import type { Messages } from "./en.js";

const RU_PLURAL = new Intl.PluralRules("ru");

const EXONYMS_RU: Record<string, string> = {
  de: "немецкое",
  fr: "французское",
  es: "испанское",
  pl: "польское",
};
/** How a Latin rendering of a Russian name was made, after "латинская запись …". */
const TRANSLIT_RU: Record<string, string> = {
  english: "на английский лад",
  simple: "упрощённая",
  scholarly: "научная",
  iso9: "по ИСО 9",
  german: "на немецкий лад",
  french: "на французский лад",
  polish: "на польский лад",
  spanish: "на испанский лад",
};
/** An office "должности Генерального секретаря ЦК КПСС", a body "Секретариата ЦК КПСС". */
const officeOf = (o: { kind: string; nameRuForms: { gen: string } }) =>
  o.kind === "body" ? o.nameRuForms.gen : `должности ${o.nameRuForms.gen}`;

/** "1 очко", "2 очка", "5 очков": Russian plural forms chosen by the number (CLDR's rules, via Intl). */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const form = RU_PLURAL.select(n);
  return form === "one" ? one : form === "few" ? few : many;
}

/** The eras and the server's own sets as the scores CSV's columns name them. */
const CSV_CATEGORIES: Record<string, string> = {
  revolution: "революция",
  stalin: "сталинские_годы",
  thaw: "оттепель",
  stagnation: "застой",
  perestroika: "перестройка",
  "own-sets": "свои_наборы",
};

/** A sentence that ends with a date ends with its "г." alone, never "г..". */
const endSentence = (s: string) => (s.endsWith(".") ? s : `${s}.`);

const points = (n: number) => `${n} ${pluralRu(n, "очко", "очка", "очков")}`;

const MONTHS_GENITIVE = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];

export const ru: Messages = {
  // — cards —
  offices: "Должности",
  roles: "Другие роли",
  facts: "Факты",
  disputes: "Где источники расходятся",
  characterisations: "Оценки источников",
  holders: "Занимали должность",
  purpose: "Назначение",
  existed: "Существовала",
  titles: "Названия",
  infobox: "Кратко",
  predecessor: "Предшественник",
  successor: "Преемник",
  followedBy: "Следующая должность",
  precededByOffice: "Предшествующая должность",
  diedInOffice: "умер в должности",
  deFacto: "де-факто",
  acting: "и. о.",
  beforeOffice: (p) => `до учреждения должности ${p.date}`,
  accountOf: (p) => `по данным ${p.sources}`,
  orderDisputed: (p) => `Место в очерёдности спорно (см. *${p.topic}*)`,
  neighbourDisputed: (p) => `спорно (см. *${p.topic}*)`,
  chainAccount: (p) => `${p.name} (по данным ${p.sources}; очерёдность спорна: см. *${p.topic}*)`,
  contextOrderDisputed: (p) => `Источники расходятся: *${p.topic}*:`,
  disputesOfHolders: "Где источники расходятся о носителях должности",
  disputesOnHoldersCards: (p) => `Полностью — в карточках тех, кого это касается: ${p.topics}.`,
  titleDisputedFrom: (p) => `название должности оспаривается с ${p.date}`,
  endUnknown: "дата окончания не указана в источниках",
  sources: "Источники",
  matched: "Найдено по",
  interpretation: "Понято как",
  precision: "точность",
  vacant: "Вакантно",
  aroundThen: "События рядом",
  noHolder: "Должность никто не занимал",
  whoLed: "Кто руководил партией",
  whoHeldTop: "Кто занимал высшую должность Секретариата",
  contextEarlyOffices:
    "До Сталина, по словам источников, эта должность не считалась важной в правительстве Ленина: её носители решали технические, а не политические вопросы.",
  used: "используется в ответах",
  died: "Умер",
  accordingTo: (p) => `По данным ${p.source}, ${p.text}`,
  membersUndated: "Члены и носители",
  headOfBody: { secretariat: "Глава Секретариата" },
  datesImprecise: " (даты неточны)",
  or: " или ",
  readTwoWays: (p) => `«${p.query}» можно прочитать двумя способами: ${p.readings}. Ниже ответ для обоих.`,
  // The figure in Russian is the source's figure translated, not its words: it is given unquoted.
  statedMismatch: (p) => `В источнике указан срок ${p.stated} (${p.sources}), что не совпадает с датами.`,
  contextImprecise:
    "Некоторые из этих дат известны лишь с точностью до месяца или года, поэтому эти сроки могут не покрывать каждый день запроса.",
  contextBeforeFounding: (p) => endSentence(`Должности не было до образования Секретариата ${p.date}`),
  contextAbolished: (p) =>
    endSentence(
      `Должность упразднена ${p.date}, в день приостановки деятельности партии; партия запрещена ${p.banned}`,
    ),
  timelineTitle: "Высшая должность Секретариата, 1917–1991",
  timelineView: (p) => `${p.what}, ${p.from} – ${p.to}`,
  noTermsInRange: "В этом промежутке никто не занимал должность.",
  sourcesTitle: "Источники",
  sourcesIntro:
    "Каждый факт в ответах бота ссылается на один из этих документов. Оценки партийного источника приводятся с указанием автора.",
  disputesIntro:
    "Бот хранит все версии с их источниками. Пометка *используется в ответах* отмечает то, на что опираются ответы бота; если в одном расхождении таких пометок две, версии описывают разное (например, начало де-факто и де-юре), и ответы используют каждую для своего.",
  sourcesPage: (p) => `Страница ${p.page} из ${p.total}`,
  sourcesPrevious: "Назад",
  sourcesNext: "Далее",
  sourceKinds: {
    "current encyclopedia article": "текущая статья энциклопедии",
    "old encyclopedia revision": "старая версия статьи энциклопедии",
    "partisan wiki": "партийная вики",
    editorial: "редакция Apparat",
  },
  infoboxLabels: {
    style: "Обращение",
    type: "Тип",
    status: "Статус",
    residence: "Резиденция",
    seat: "Местопребывание",
    appointer: "Назначается",
    salary: "Жалованье",
    formation: "Образование",
    founded: "Учреждена",
    firstHolder: "Первый",
    finalHolder: "Последний",
    abolished: "Упразднена",
    dissolved: "Распущена",
    supersededBy: "Заменена",
    succeededBy: "Преемница",
  },
  help: {
    title: "Apparat — Секретариат ЦК КПСС, 1917–1991",
    description:
      "Справочник и викторина о секретарях ЦК: от технического секретаря до генерального. Имена можно писать как угодно: латиницей, кириллицей, с опечатками.",
    // Commands and options by the names a Russian Discord shows (the definitions' name_localizations).
    fields: [
      { name: "/кто", value: "Карточка человека: `/кто имя:Хрущёв`, `/кто имя:Брежнев`" },
      { name: "/должность", value: "Карточка должности: `/должность название:генсек`" },
      {
        name: "/когда",
        value:
          "Кто занимал должность в дату или за период: `/когда дата:май 1983`, `/когда дата:12 ноября 1982`, `/когда дата:1970-е`",
      },
      {
        name: "/хронология",
        value:
          "Высшая должность Секретариата и её носители по порядку: `/хронология`, `/хронология с:1950 по:1970`",
      },
      { name: "/источники", value: "Источники и расхождения между ними" },
      {
        name: "/вопрос-дня",
        value:
          "Вопрос дня (назначает и отключает тот, кто может управлять сервером): `/вопрос-дня назначить канал:#история время:18:00 часовой-пояс:Europe/Moscow` — каждый день один вопрос в этом канале; `/вопрос-дня показать`; `/вопрос-дня отключить`",
      },
      {
        name: "/викторина, /лидеры, /учить",
        value:
          "Викторина в канале, таблица лидеров и тренировка в одиночку; свои вопросы — `/викторина импорт файл:`; настройки — `/настройки викторина`; своя таблица лидеров на семестр — `/викторина семестр начать название:Весна 2027`, затем `/викторина семестр завершить`",
      },
      {
        name: "Найти в Apparat — в любом сообщении",
        value:
          "Правый клик (или долгое нажатие) по сообщению → Приложения → **Найти в Apparat**: все люди, должности и даты из него, с карточками.",
      },
      {
        name: "Где угодно",
        value:
          "Добавьте Apparat в свой аккаунт (не только на сервер) — и он работает в личных сообщениях и группах; викторина там идёт через команду и укладывается в 15 минут.",
      },
      {
        name: "Конфиденциальность",
        value:
          "Бот читает только команды, которые вы ему отправляете, и текст сообщения, к которому вы применили команду **Найти в Apparat**. Он никого не упоминает.",
      },
    ],
  },

  // — the timeline picture —
  timeline: {
    leaders: "Высшая должность Секретариата",
    deJure: "де-юре",
    deFacto: "де-факто",
    acting: "и. о.",
    imprecise: "дата известна лишь с точностью до месяца или года",
    died: "умер в должности",
    disputed: "дата начала оспаривается",
    vacant: "вакансия",
    outside: "нет руководства партии",
    beforeFounding: "до Секретариата",
    suspended: "КПСС приостановлена",
    afterBan: "КПСС запрещена",
    noTerms: "В этом промежутке никто не занимал должность",
    reversed: "Начало промежутка позже его конца.",
    badDate: (p) => `«${p.text}» — не дата вида ГГГГ-ММ-ДД.`,
    unknownOffice: (p) => `Должности «${p.office}» нет.`,
    beforeFoundingNote: (p) => endSentence(`Секретариат образован ${p.date}`),
    afterNote: (p) => endSentence(`Партия запрещена ${p.date}`),
    /** A person's name on a bar: first name and surname (the full Russian name has a patronymic too). */
    personOnBar: (p) =>
      p.words.length > 1 ? `${p.words[0]} ${p.words[p.words.length - 1]}` : (p.words[0] ?? ""),
    officeShort: {
      "technical-secretary": "техсекретарь",
      "chairman-of-the-secretariat": "председатель Секретариата",
      "responsible-secretary": "ответсекретарь",
      "general-secretary": "генсек",
      "first-secretary": "первый секретарь",
    },
  },

  // — how dates are worded (see dates.ts) —
  months: [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
  ],
  monthsAfterDay: MONTHS_GENITIVE,
  onDay: (p) => p.date,
  inPeriod: (p) => `в ${p.when}`,
  waitUnits: { seconds: "с", minutes: "мин", hours: "ч" },
  monthsIn: [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
  ],
  monthsShort: [
    "янв.",
    "февр.",
    "март",
    "апр.",
    "май",
    "июнь",
    "июль",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
  ],
  monthsShortAfterDay: [
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июня",
    "июля",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
  ],
  yearSuffix: " г.",
  decade: (p) => `${p.decade}-е годы`,
  dayRange: (p) => `${p.from} – ${p.to}`,

  // — the router and lookups —
  notFound: "Не нашёл",
  didYouMean: "Возможно, вы имели в виду:",
  pick: "Выберите…",
  error: "Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.",
  notYours: "Эти кнопки относятся к чужой карточке, поэтому вот ваша копия.",
  unknownCommand: (p) => `Я не знаю команды /${p.name}. Попробуйте /помощь.`,
  outdatedButton: "Эта кнопка устарела. Повторите команду.",
  entryGone: "Этой записи больше нет. Поищите ещё раз.",
  officeHint: "Попробуйте «генсек», «первый секретарь» или начните печатать и выберите из списка.",
  personHint:
    "В источниках нет такого человека. Начните печатать имя и выберите из списка, или посмотрите `/хронология`.",
  unknownOffice: (p) => `Я не знаю должности «${p.office}». Выберите её из списка: ${p.offices}.`,
  officeNotNarrowing: (p) =>
    `${p.office} — не одно из названий высшей должности Секретариата, которую показывает эта команда. Выберите одно из: ${p.offices}.`,
  timelineAround: (p) => `Шкала времени около: ${p.label}`,
  timelineAlt: "Шкала времени: высшая должность Секретариата и её носители",
  timelineBackwards: "Промежуток кончается раньше, чем начинается: поменяйте местами `с` и `по`.",

  // — dates the user typed —
  dateProblem: {
    formsHelp:
      "Подходят такие формы: `12 ноября 1982`, `1982-11-10`, `10.11.1982`, `май 1983`, `1983`, `1970-е`, " +
      "`весна 1984`, `1964-1966`.",
    empty: "Укажите дату.",
    tooLong: "Это слишком длинно для даты.",
    unreadable: (p) => `Не могу прочитать «${p.text}» как дату.`,
    understoodBut: (p) => `Я понял «${p.text}», но ${p.problem}`,
    notMonth: (p) => `${p.month} — не месяц (месяцы нумеруются от 1 до 12).`,
    notRealDay: (p) => `такой даты нет: ${p.day} — в месяце «${p.month}» ${p.days} дн.`,
    notRealNumeric: (p) => `${p.text} — не настоящая дата ни при порядке «день/месяц», ни при «месяц/день».`,
    monthWithoutYear: (p) => `вижу месяц (${p.month}), но нет года.`,
    rangeBackwards: (p) => `промежуток кончается (${p.to}) раньше, чем начинается (${p.from}).`,
  },
  precisionNames: {
    day: "день",
    month: "месяц",
    year: "год",
    season: "сезон",
    decade: "десятилетие",
    range: "промежуток",
  },

  // — trivia —
  triviaUnavailable: "Викторина здесь недоступна (ей нужна база данных бота).",
  studyUnavailable: "Для тренировки нужна база данных бота, а здесь её нет.",
  triviaUsage:
    "Используйте /викторина начать, вопрос, стоп, статистика, семестр начать, семестр завершить, выгрузка, импорт, наборы, жалобы или сброс.",
  noChannel: "Раунды викторины проходят в канале.",
  roundBusy: (p) =>
    `Здесь уже идёт раунд (его начал ${p.starter}). Дождитесь конца или попросите начавшего сделать /викторина стоп.`,
  noQuestions: "Не получилось составить вопросы такой сложности.",
  roundRace: "Раунд здесь только что начался. Присоединяйтесь!",
  noRound: "В этом канале раунд не идёт.",
  stopNotAllowed:
    "Остановить раунд может только тот, кто его начал, или участник с правом «Управлять сервером».",
  stoppedBy: (p) => `Раунд остановил ${p.user}.`,
  lastQuestion: "Это был последний вопрос.",
  roundStopped: "Раунд остановлен.",
  stopLater:
    "База данных бота сейчас не отвечает. Раунд закроется, как только она снова ответит, и итоги появятся здесь.",
  stopUnavailable:
    "База данных бота сейчас не отвечает, поэтому раунд этого канала не найти. Попробуйте через минуту.",
  interrupted: "Бот долго был недоступен, поэтому раунд здесь закрыт. Все ответы, данные раньше, засчитаны.",
  questionGone: "Этого вопроса больше нет.",
  lockedIn: (p) => `Ответ принят: **${p.letter}**. Правильный ответ откроется, когда вопрос закроется.`,
  duplicateAnswer: "Вы уже ответили на этот вопрос; засчитывается первый ответ.",
  tooLate: "Поздно: вопрос уже закрыт.",
  questionOf: (p) => `Вопрос ${p.n} из ${p.total}`,
  quickQuestion: "Быстрый вопрос",
  difficulties: { easy: "лёгкий", medium: "средний", hard: "сложный" },
  questionFooter: (p) =>
    `${p.difficulty} · ${p.seconds} ${pluralRu(p.seconds, "секунда", "секунды", "секунд")} · каждый отвечает один раз`,
  answerIs: (p) => `Ответ: ${p.letter}. ${p.answer}`,
  answer: "Ответ",
  rightCount: (p) => `Верно (${p.right} из ${p.total})`,
  nobodyRight: "На этот раз никто.",
  standings: "Итоги",
  standingsLine: (p) =>
    `**${p.rank}.** ${p.user} — ${points(p.points)} (верно ${p.correct} из ${p.answered})`,
  nobodyAnswered: "Никто не ответил.",
  standingsFooter: "Очки ведутся по серверам: /лидеры и /викторина статистика",
  noStats: (p) => `${p.user} ещё не отвечал на вопросы викторины здесь.`,
  statsTitle: "Статистика викторины",
  statsRank: (p) => `${p.user} — место №${p.rank} на этом сервере`,
  points: "Очки",
  accuracy: "Точность",
  streak: "Серия",
  streakValue: (p) => `сейчас ${p.now} · лучшая ${p.best}`,
  noScores: "Очков пока нет. Начните раунд: /викторина начать.",
  leaderboard: "Таблица лидеров — этот сервер",
  leaderboardGlobal: "Таблица лидеров — везде (все серверы и личные сообщения)",
  leaderboardLine: (p) =>
    `**${p.rank}.** ${p.user} — ${points(p.points)} · ${p.accuracy}% · лучшая серия ${p.best}`,
  resetNotAllowed: "Сбросить таблицу лидеров сервера может только участник с правом «Управлять сервером».",
  resetConfirm:
    "Сбросить таблицу лидеров викторины на этом сервере? Все очки будут удалены безвозвратно, а статистика и выгрузка очков начнутся с нуля.",
  resetButton: "Сбросить таблицу",
  resetNotYours: "Подтвердить сброс может только тот, кто его запросил.",
  resetDone: (p) =>
    `Таблица лидеров сброшена (${pluralRu(p.removed, "удалена", "удалены", "удалено")} ${p.removed} ${pluralRu(p.removed, "запись", "записи", "записей")}).`,

  // — семестры и раунды, которые засчитываются (/викторина семестр, /лидеры семестр:, /настройки викторина минимум-игроков:) —
  termServerOnly:
    "Семестры бывают только на серверах (их начинает и завершает участник с правом «Управлять сервером»). Очки этого разговора хранятся вместе.",
  termNotAllowed: "Начать или завершить семестр может только участник с правом «Управлять сервером».",
  termNameEmpty: "Дайте семестру название: `/викторина семестр начать название:Весна 2027`.",
  termNameTooLong: (p) =>
    `Название семестра может быть не длиннее ${p.max} ${pluralRu(p.max, "символа", "символов", "символов")}, а в этом ${p.length} ${pluralRu(p.length, "символ", "символа", "символов")}.`,
  termAlreadyRunning: (p) =>
    `Уже идёт семестр «${p.name}» (с ${p.since}). Сначала завершите его: \`/викторина семестр завершить\` — его таблица лидеров сохранится.`,
  termNoneRunning:
    "Здесь не идёт ни один семестр, завершать нечего. Начните новый: `/викторина семестр начать название:…`.",
  termStarted: (p) =>
    `Семестр «${p.name}» начался. Теперь таблица лидеров, \`/викторина статистика\` и \`/викторина выгрузка\` показывают ответы этого семестра; завершить его — \`/викторина семестр завершить\`.`,
  termEnded: (p) =>
    `Семестр «${p.name}» (с ${p.since}) завершён. Его таблица лидеров сохранена: её покажет \`/лидеры семестр:\`, а выгрузит \`/викторина выгрузка семестр:\`. Следующий семестр — \`/викторина семестр начать название:…\`.`,
  termNotFound: (p) =>
    `На этом сервере нет семестра «${p.name}». Начните вводить текст в поле \`семестр:\`, чтобы выбрать один из семестров.`,
  termNotEverywhere: "`семестр:` относится к таблице лидеров и выгрузке этого сервера, а не ко всем сразу.",
  termChoiceAll: "за всё время (с последнего сброса)",
  termChoiceRunning: (p) => `${p.name} (идёт)`,
  termChoiceEnded: (p) => `${p.name} (завершён)`,
  leaderboardTerm: (p) => `Таблица лидеров — семестр «${p.name}»`,
  termNoScores: (p) => `В семестре «${p.name}» пока никто не набрал очков.`,
  termNoStats: (p) => `${p.user} ещё не отвечал на вопросы викторины в семестре «${p.name}».`,
  statsTerm: (p) => `Семестр «${p.name}»`,
  roundNotCounted: (p) =>
    `Этот раунд не засчитывается в таблицу лидеров сервера: в нём ${pluralRu(p.players, "участвовал", "участвовали", "участвовали")} ${p.players} ${pluralRu(p.players, "игрок", "игрока", "игроков")}, а на этом сервере засчитываются раунды, где их не меньше ${p.min}.`,
  settingsMinPlayers: (p) =>
    `Сколько игроков нужно, чтобы раунд засчитывался в таблицу лидеров: ${p.min}${p.min === 1 ? " (засчитывается каждый раунд)" : ""}`,
  resetPrefersTerm:
    "Чтобы начать таблицу лидеров заново и сохранить прежнюю, лучше завершите семестр: `/викторина семестр завершить`, затем `/викторина семестр начать название:…`.",
  // — study —
  studyRight: (p) => `✅ Верно — **${p.letter}. ${p.answer}**. Вопрос переходит в коробку ${p.box}.`,
  studyWrong: (p) =>
    `❌ Не совсем: вы выбрали ${p.chosen}; правильный ответ — **${p.letter}. ${p.answer}**. Этот вопрос скоро вернётся.`,
  study: "Тренировка",
  studyAllSeen: "Вы видели все вопросы, и повторять пока нечего. Загляните позже!",
  studyTitle: "Тренировка — только для вас",
  studyBox: (p) => `коробка ${p.box}: ${p.count}`,
  studyBoxes: (p) => `Ваши коробки — ${p.boxes}. Вопросы с ошибками возвращаются раньше.`,
  studyHint: "Вопросы с ошибками возвращаются раньше.",
  leaderboardConversation: "Таблица лидеров — этот разговор",
  resetServerOnly:
    "Сбросить таблицу лидеров можно только на сервере (с правом «Управлять сервером»). Очки этого разговора остаются с ним.",
  roundTooLong: (p) =>
    `Здесь я отвечаю через саму команду, а Discord держит её открытой 15 минут, поэтому раунд должен уложиться в ${p.minutes} мин.; ${p.questions} вопр. по ${p.seconds} с не уложатся. Возьмите меньше вопросов или секунд, например \`/викторина начать вопросы:10 секунды:30\`.`,
  spotTitle: "🔎 В этом сообщении",
  spotPeople: "Люди",
  spotOffices: "Должности",
  spotDates: "Даты",
  spotOpen: "Открыть полную карточку…",
  spotMore: (p) => `(и ещё ${p.count})`,
  spotNoOffice: "не занимал должностей Секретариата",
  spotHolders: (p) => `${p.count} ${pluralRu(p.count, "носитель", "носителя", "носителей")}`,
  spotNobody: "высшую должность Секретариата никто не занимал",
  spotNothing:
    "В этом сообщении я не нашёл ни людей, ни должностей, ни дат, которые знаю. Попробуйте `/кто`, `/должность` или `/когда` с именем или датой.",
  spotNoText: "В этом сообщении нет текста, который я могу прочитать: только вложения или встраивания.",
  channelNotAllowed: (p) => `На этом сервере раунды идут только в каналах: ${p.channels}.`,
  settingsServerOnly:
    "Настройки — для серверов; в личных сообщениях выбирайте для раунда: `/викторина начать секунды: сложность:`.",
  settingsNotAllowed:
    "Менять настройки викторины сервера может только участник с правом «Управлять сервером».",
  settingsTitle: "Настройки викторины на этом сервере",
  settingsSeconds: (p) => `Секунд на вопрос: ${p.seconds}`,
  settingsDifficulty: (p) => `Сложность: ${p.difficulty}`,
  settingsExplanations: (p) => `Показывать объяснение и источники: ${p.on ? "да" : "нет"}`,
  settingsChannels: (p) => `Каналы для раундов: ${p.channels}`,
  settingsDefault: "по умолчанию",
  settingsAnyDifficulty: "любая (вперемешку)",
  settingsAnyChannel: "любые",
  // — страница успеваемости для учителя (/настройки страница и сама страница, src/http/) —
  pageServerOnly:
    "Страница успеваемости — для серверов; в личных и групповых сообщениях очки показывает `/leaderboard`.",
  pageNotAllowed:
    "Включать и отключать страницу успеваемости сервера может только тот, у кого есть право «Управлять сервером».",
  pageNotServed:
    "Этот бот не показывает веб-страницы (его оператор не задал HTTP_PORT), поэтому включить страницу успеваемости нельзя.",
  pageEnabled: (p) =>
    `Страница успеваемости сервера: ${p.url}\nПо этой ссылке любой увидит таблицу лидеров и точность ответов по эпохам — под отображаемыми именами. Делитесь ею только с теми, для кого она. \`/настройки страница отключить\` закроет страницу; повторная команда \`/настройки страница включить\` даст новую ссылку, а эта перестанет работать.`,
  pageUsage:
    "Новую ссылку на страницу успеваемости даёт `/настройки страница включить`, а отключает страницу `/настройки страница отключить`.",
  pageRevoked: "Страница успеваемости отключена: её ссылка больше ничего не открывает.",
  pageNoneToRevoke: "У этого сервера нет страницы успеваемости — отключать нечего.",
  webTitle: "Успехи в викторине",
  webTerm: "С последнего сброса очков",
  webTermRunning: (p) => `Семестр «${p.name}», идёт`,
  webTermEnded: (p) => `Семестр «${p.name}», завершён`,
  webEarlierTerms: "Прошлые семестры",
  webCurrentBoard: "Текущая таблица лидеров",
  webDailyStreak: (p) =>
    `Вопрос дня: ${p.current} ${pluralRu(p.current, "день", "дня", "дней")} подряд без ошибок (лучшая серия — ${p.best})`,
  webBoard: "Таблица лидеров",
  webRank: "Место",
  webPlayer: "Игрок",
  webPoints: "Очки",
  webAnswered: "Ответов",
  webCorrect: "Верных",
  webAccuracy: "Точность",
  webPercent: (p) => `${p.value}\u00a0%`,
  webNoName: "(игрок, чьё имя не записано)",
  webNoPlayers: "Здесь ещё никто не ответил ни на один вопрос викторины.",
  webPageOf: (p) => `Страница ${p.page} из ${p.total}`,
  webPrevious: "Предыдущая страница",
  webNext: "Следующая страница",
  webErasTitle: "Точность по эпохам",
  webEraValue: (p) =>
    p.answered === 0
      ? "ответов пока нет"
      : `${p.percent}\u00a0% (${p.correct} ${pluralRu(p.correct, "верный", "верных", "верных")} из ${p.answered})`,
  webOpenReports: (p) =>
    p.count === 0
      ? "Необработанных сообщений об ошибках в вопросах нет."
      : `Ждут разбора: ${p.count} ${pluralRu(p.count, "сообщение", "сообщения", "сообщений")} об ошибках в вопросах; модератор разберёт их командой /trivia reports в Discord.`,
  webPlayerTitle: (p) => `${p.name}: успехи`,
  webPlace: (p) => `${p.rank}-е место в таблице лидеров`,
  webBack: "К таблице лидеров",
  webLanguage: "Язык",
  webNotFound: "Не найдено",
  webTooMany: "Слишком много запросов. Попробуйте через минуту.",
  webUnavailable: "Сейчас страницу показать нельзя. Попробуйте через минуту.",
  hintGiven: (p) => `💡 Подсказка: это не ${p.letter}.`,
  // — вопрос дня (/daily) —
  dailyServerOnly: "Вопрос дня — для серверов: он публикуется в одном из каналов сервера.",
  dailyNotAllowed: "Назначать и отключать вопрос дня может только участник с правом «Управлять сервером».",
  dailyBadTime: (p) =>
    `«${p.input}» — не время суток: укажите его как ЧЧ:ММ от 00:00 до 23:59, например 09:00 или 18:30.`,
  dailyBadReveal: (p) =>
    `Время ответа «${p.input}» — не время суток: укажите его как ЧЧ:ММ от 00:00 до 23:59, например 21:00.`,
  dailySameTimes:
    "Ответ нельзя раскрыть в то же время, когда публикуется вопрос: выберите другое время ответа.",
  dailyZoneSuggest: (p) =>
    `«${p.input}» — не название часового пояса. Может быть, вы имели в виду ${p.zone}?`,
  dailyZoneUnknown: (p) =>
    `«${p.input}» — не название часового пояса: укажите название IANA, например Europe/Moscow, Europe/Berlin или America/New_York.`,
  dailyCannotPost: (p) =>
    `Я не могу писать в ${p.channel}: дайте мне там право видеть канал, отправлять сообщения и встраивать ссылки или выберите другой канал.`,
  dailyNoQuestions:
    "Ни один вопрос не подходит под этот выбор (сложность, категория, набор): выберите другое.",
  dailyTitle: "Вопрос дня",
  dailyNone: "На этом сервере вопрос дня не назначен. Назначьте его командой `/вопрос-дня назначить`.",
  dailyEvery: (p) => `Каждый день в ${p.time} (${p.zone}) в канале ${p.channel}.`,
  dailyRevealAt: (p) => `Ответ раскрывается в ${p.time}.`,
  dailyRevealBeforeNext: "Ответ раскрывается незадолго до вопроса следующего дня.",
  dailyChoices: (p) => `Сложность: ${p.difficulty} · категория: ${p.category}`,
  dailyOwnSet: "Вопросы из собственного набора сервера.",
  dailyAnyCategory: "любая",
  dailyNext: (p) => `Следующий вопрос: ${p.at} (${p.relative}).`,
  dailyLast: (p) => `Последний вопрос: ${p.day}, ${p.how}.`,
  dailyHow: {
    posted: "опубликован",
    late: "опубликован с опозданием (бот в это время был отключён)",
    gone: "не опубликован: канал не принял сообщение бота",
    abandoned: "не опубликован: время ответа истекло раньше, чем его удалось опубликовать",
    pending: "публикуется",
  } as Record<string, string>,
  dailyPaused: (p) =>
    `Приостановлен с ${p.at}: я не смог написать в ${p.channel}. Когда я смогу, назначьте его снова командой \`/вопрос-дня назначить\`.`,
  dailySetDone: "Вопрос дня назначен.",
  dailyOff: "Вопрос дня на этом сервере отключён. Очки и серии сохранены.",
  dailyOffNone: "На этом сервере вопрос дня не был назначен.",
  dailyQuestionTitle: (p) => `Вопрос дня — ${p.day}`,
  dailyAnswersUntil: (p) => `Каждый отвечает один раз, до раскрытия ответа ${p.at}.`,
  dailyLate: (p) => `⏰ С опозданием: этот вопрос должен был выйти ${p.due}, когда бот был отключён.`,
  dailyFooter: (p) => `${p.difficulty} · вопрос дня · каждый может ответить один раз`,
  dailyRevealFooter: (p) => `Вопрос дня, ${p.day}`,
  dailyStreak: "Дней подряд (вопрос дня)",
  reportButton: "Сообщить",
  reportTitle: "Сообщить об ошибке в вопросе",
  reportLabel: "Что с ним не так?",
  reportPlaceholder: "Ответ, неверный вариант, который тоже верен, дата, источник…",
  reportThanks: "Спасибо: сообщение записано, модераторы сервера увидят его в `/викторина жалобы`.",
  reportEmpty: "Напишите, пожалуйста, что не так с вопросом.",
  reportsNotAllowed:
    "Видеть и разбирать сообщения о вопросах может только участник с правом «Управлять сервером».",
  reportsNone: "Открытых сообщений о вопросах здесь нет.",
  reportsTitle: (p) => `Открытые сообщения о вопросах (${p.shown} из ${p.total})`,
  reportLine: (p) => `**${p.n}.** ${p.question}\nОтвет: ${p.answer}\nСообщил(а) ${p.by}: ${p.text}`,
  reportHide: (p) => `${p.n}: скрыть здесь`,
  reportDismiss: (p) => `${p.n}: отклонить`,
  reportHidden: "Скрыто: раунды на этом сервере больше не зададут этот вопрос.",
  reportDismissed: "Отклонено: вопрос остаётся в игре.",
  reportGone: "Это сообщение уже разобрано или больше не существует.",
  reportQuestionGone: "(вопроса больше нет)",
  exportNotAllowed: "Выгрузить очки сервера может только участник с правом «Управлять сервером».",
  exportDone: (p) =>
    `Очки ${p.players} ${pluralRu(p.players, "игрока", "игроков", "игроков")} в CSV: ответы, верные, точность и очки — всего и по эпохам.`,
  exportNone: "Здесь ещё никто не отвечал на вопросы викторины: выгружать нечего.",
  studyExportDone: (p) =>
    `Ваш прогресс в /учить в CSV: ${p.count} ${pluralRu(p.count, "вопрос", "вопроса", "вопросов")}, их коробки и сроки повторения.`,
  studyExportNone: "Вы ещё не тренировались: попробуйте `/учить`.",
  categoryNames: {
    "era:revolution": "Революция и гражданская война (1917–1922)",
    "era:stalin": "Сталинские годы (1922–1953)",
    "era:thaw": "Оттепель (1953–1964)",
    "era:stagnation": "Застой (1964–1985)",
    "era:perestroika": "Перестройка (1985–1991)",
    "kind:successor": "Кто был следующим",
    "kind:predecessor": "Кто был до",
    "kind:holder-on-date": "Кто занимал должность в день",
    "kind:took-office": "Когда вступил в должность",
    "kind:duration": "Сколько занимал должность",
    "kind:office-held": "Какая должность",
    "kind:died-in-office": "Умер в должности",
    "kind:event-on-date": "Что случилось в день",
    "kind:true-false": "Верно или нет",
    "kind:order": "В каком порядке",
  },
  categoryOfSet: (p) => `${p.category} (набор сервера)`,
  unknownCategory: "Выберите категорию из списка, когда вводите `категория:`.",
  setsNotAllowed:
    "Импортировать и удалять наборы вопросов сервера может только участник с правом «Управлять сервером».",
  importNoFile: "Приложите файл JSON или CSV: `/викторина импорт файл:` (формат описан в README).",
  importDone: (p) =>
    `${p.replaced ? "Заменён" : "Импортирован"} набор «${p.name}»: ${p.count} ${pluralRu(p.count, "вопрос", "вопроса", "вопросов")}. Играть: \`/викторина начать набор:${p.name}\`.`,
  importFailed: (p) =>
    `Ничего не импортировано: ${p.problems} ${pluralRu(p.problems, "ошибка", "ошибки", "ошибок")} ${
      p.count === 0 ? "в файле" : `в ${p.count} ${pluralRu(p.count, "вопросе", "вопросах", "вопросах")}`
    }. Исправьте ${p.problems === 1 ? "её" : "их"} и импортируйте файл снова:`,
  importMore: (p) => `… и ещё ${p.count}`,
  importUnreadable: "Не удалось скачать этот файл из Discord. Попробуйте ещё раз.",
  lineEmpty: (p) =>
    `Введите слеш-команду, например /кто имя:Хрущёв, или команду сообщения: ${p.message}: <текст сообщения>.`,
  lineUnknownCommand: (p) =>
    `Команды /${p.name} нет. Команды: ${p.commands}; и команда сообщения ${p.message}: <текст сообщения>.`,
  unknownSubcommand: (p) =>
    p.subcommands
      ? `У команды ${p.command} нет подкоманды «${p.word}»; есть: ${p.subcommands}. Справка — /помощь.`
      : `Команда ${p.command} не принимает подкоманд (а здесь «${p.word}»). Справка — /помощь.`,
  lineNeedsSubcommand: (p) => `После ${p.command} нужна одна из подкоманд: ${p.subcommands}.`,
  lineOptionsForm: (p) =>
    p.options
      ? `Параметры задаются как имя:значение; ${p.command} принимает ${p.options}.`
      : `${p.command} не принимает параметров.`,
  lineRepeated: (p) => `Параметр ${p.option}: указан дважды; укажите каждый параметр один раз.`,
  lineMissing: (p) => `${p.command}: нужен параметр ${p.option}: (${p.description}).`,
  lineEmptyValue: (p) => `Параметру ${p.option}: нужно значение.`,
  lineNotAChoice: (p) => `${p.option}: «${p.value}» — не один из вариантов: ${p.choices}.`,
  lineNotAWholeNumber: (p) => `${p.option}: нужно целое число, а не «${p.value}».`,
  lineNotANumber: (p) => `${p.option}: нужно число, а не «${p.value}».`,
  lineOutOfRange: (p) =>
    `${p.option}: ${p.value} — вне допустимых значений; можно ${
      p.min !== null && p.max !== null
        ? `от ${p.min} до ${p.max}`
        : p.min !== null
          ? `не меньше ${p.min}`
          : `не больше ${p.max}`
    }.`,
  lineTooLong: (p) =>
    `${p.option}: не больше ${p.max} ${pluralRu(p.max, "символа", "символов", "символов")}, а здесь ${p.length}.`,
  lineTooShort: (p) =>
    `${p.option}: не меньше ${p.min} ${pluralRu(p.min, "символа", "символов", "символов")}, а здесь ${p.length}.`,
  lineNotABoolean: (p) => `${p.option}: нужно true или false, а не «${p.value}».`,
  lineNotAnId: (p) =>
    `${p.option}: ${
      {
        channel: "укажите канал: его id (от 17 до 20 цифр) или <#id>",
        user: "укажите участника: его id (от 17 до 20 цифр) или <@id>",
        other: "укажите id (от 17 до 20 цифр)",
      }[p.kind]
    }, а не «${p.value}».`,
  localFileMissing: (p) => `Файла ${p.path} нет.`,
  localFileUnreadable: (p) =>
    p.denied ? `Нет прав на чтение ${p.path}.` : `Не удаётся прочитать ${p.path}.`,
  localFileNotAFile: (p) =>
    `${p.path} — ${
      {
        directory: "это каталог",
        device: "это устройство",
        fifo: "это именованный канал (FIFO)",
        socket: "это сокет",
        other: "это не обычный файл",
      }[p.kind]
    }, прочитать его нельзя. Укажите путь к обычному файлу, например week3.csv.`,
  setInUse: (p) => `Сейчас идёт раунд по набору «${p.name}»; сначала остановите его (\`/викторина стоп\`).`,
  tooManySets: "На этом сервере уже 50 наборов вопросов — это предел. Сначала удалите один.",
  noSuchSet: (p) => `Набора «${p.name}» здесь нет. Список: \`/викторина наборы\`.`,
  setsNone: "Наборов вопросов здесь пока нет. Импортируйте: `/викторина импорт файл:` (JSON или CSV).",
  setsTitle: "Наборы вопросов",
  setsLine: (p) =>
    `**${p.name}** — ${p.count} ${pluralRu(p.count, "вопрос", "вопроса", "вопросов")} · ${p.by} · ${p.date}`,
  setDeleted: (p) =>
    `Набор «${p.name}» удалён (${p.count} ${pluralRu(p.count, "вопрос", "вопроса", "вопросов")}).`,
  setExported: (p) =>
    `Набор «${p.name}» в формате JSON (его можно импортировать командой \`/викторина импорт\`).`,
  setNameNeeded: "Укажите набор: `название:`.",
  importProblem: (p) => {
    switch (p.code) {
      case "too-big":
        return `Файл занимает ${Math.ceil(p.bytes / 1024)} КБ; предел — 1 МБ.`;
      case "too-many":
        return `В файле ${p.count} ${pluralRu(p.count, "вопрос", "вопроса", "вопросов")}; в наборе не больше 500.`;
      case "empty-file":
        return "Файл пуст.";
      case "not-utf8":
        return "Файл не в кодировке UTF-8. Сохраните его как UTF-8 (в таблицах — «CSV UTF-8»).";
      case "bad-json":
        return p.line === null ? "Это не JSON." : `Это не JSON (строка ${p.line}, позиция ${p.column}).`;
      case "bad-csv":
        return p.detail === "unclosed-quote"
          ? 'Поле в кавычках не закрыто (не хватает "?).'
          : 'После закрывающей кавычки идёт текст; внутри кавычек кавычку пишут как "".';
      case "not-an-object":
        return 'Ожидается объект: {"question": …, "correct": …, "wrong": […]}.';
      case "not-a-set":
        return 'Вопросы должны быть внутри {"name": …, "questions": [ … ]}.';
      case "semicolons":
        return "Столбцы разделены точкой с запятой; сохраните файл как CSV с запятыми (CSV UTF-8).";
      case "missing-column":
        return `В заголовке нет столбца «${p.column}».`;
      case "no-header":
        return "Это не файл с вопросами: первой строкой должен быть заголовок question,correct,wrong1,… (см. README).";
      case "unknown-column":
        return `«${p.column}» — не столбец; столбцы: question, correct, wrong1–wrong4, explanation, source, category, difficulty.`;
      case "required":
        return "Это поле обязательно.";
      case "not-text":
        return "Здесь должен быть текст.";
      case "too-long":
        return `${p.length} ${pluralRu(p.length, "символ", "символа", "символов")}; не больше ${p.max}.`;
      case "wrong-count":
        return `Неверных ответов: ${p.count}; нужно от 1 до 4.`;
      case "duplicate-answer":
        return `«${p.answer}» указан дважды.`;
      case "same-button":
        return `Кнопка этого ответа выглядела бы так же, как кнопка ответа ${p.other} («${p.label}»): на кнопке видны только первые ${p.visible} ${pluralRu(p.visible, "символ", "символа", "символов")} ответа. Сделайте так, чтобы ответы различались раньше.`;
      case "correct-among-wrong":
        return "Правильный ответ есть и среди неверных.";
      case "bad-difficulty":
        return `«${p.value}» — не сложность: easy, medium или hard.`;
      case "no-questions":
        return "В файле нет вопросов.";
    }
  },

  // — a Russian reader's words (#24): the dataset's frame, quotation marks, the console's language —
  moreLines: (p) => `… и ещё ${p.count}`,
  sourceShortNames: {
    "wp-secretariat": "Wikipedia: Секретариат",
    "wp-gensec-text": "Wikipedia: Генеральный секретарь",
    "wp-gensec-page": "Wikipedia: Генеральный секретарь (список)",
    "wp-gensec-old": "Wikipedia (старая версия)",
    "prolewiki-gensec": "ProleWiki",
    editorial: "редакция Apparat (формы имён)",
  },
  readingPrecision: (p) =>
    ({
      day: "с точностью до дня",
      month: "с точностью до месяца",
      year: "с точностью до года",
      season: "с точностью до сезона",
      decade: "с точностью до десятилетия",
      range: "промежуток",
    })[p.precision] ?? p.precision,
  quoted: (p) => `«${p.text}»`,
  matchedQuery: (p) => `«${p.query}» — ${p.note}`,
  searchNotes: {
    fullName: (p) => `полное имя ${p.person.nameRuForms.gen}`,
    firstName: (p) => `имя ${p.person.nameRuForms.gen}`,
    // The Russian name is the name a Russian card shows: nothing to explain ("" is no note).
    russianName: () => "",
    russianSurname: () => "",
    transliteration: (p) =>
      `латинская запись ${p.surname ? "фамилии" : "имени"} ${p.person.nameRuForms.gen} (${
        TRANSLIT_RU[p.system] ?? p.system
      })`,
    exonym: (p) =>
      `${EXONYMS_RU[p.lang ?? ""] ?? "иноязычное"} написание фамилии ${p.person.nameRuForms.gen}`,
    birthName: (p) => `имя при рождении ${p.person.nameRuForms.gen}`,
    nickname: (p) => `прозвище ${p.person.nameRuForms.gen}`,
    nativeName: (p) => `имя ${p.person.nameRuForms.gen} на родном языке`,
    variant: (p) => `вариант написания имени ${p.person.nameRuForms.gen}`,
    officeRussianTitle: (p) => `русское название ${officeOf(p.office)}`,
    officeAlias: (p) => `другое название ${officeOf(p.office)}`,
    officeFullTitle: (p) => `полное название ${officeOf(p.office)}`,
  },
  importLine: (p) => `строка ${p.line}`,
  scoresColumns: {
    user: "id_участника",
    name: "имя",
    answered: "ответов",
    correct: "верных",
    accuracy: "точность",
    points: "очки",
    categoryAnswered: (p) => `${CSV_CATEGORIES[p.category] ?? p.category}_ответов`,
    categoryCorrect: (p) => `${CSV_CATEGORIES[p.category] ?? p.category}_верных`,
    dailyStreak: "дней_подряд",
    dailyBestStreak: "лучшая_серия_дней",
  },
  studyColumns: ["id_вопроса", "вопрос", "коробка", "показан", "ошибок", "повторить"],
  consoleOnlyYou: "(это видите только вы)",
  consoleChoose: "Выберите:",
  consoleImage: (p) => `[изображение: ${p.url}]`,
  consoleAttachment: (p) =>
    `[вложение: ${p.name}, ${p.bytes} ${pluralRu(p.bytes, "байт", "байта", "байтов")}]`,
  consoleTypeBelow: "(введите на следующей строке)",
  postedLater: (p) =>
    p.via === "channel"
      ? `отправлено в канал через ${p.wait}`
      : `отправлено ответом на команду через ${p.wait}`,
  afterPressing: (p) => `после нажатия ${p.n}`,
  consoleLanguage: (p) =>
    `Теперь ответы приходят как в Discord на ${p.lang === "ru" ? "русском" : "английском"} языке.`,
  consoleBanner: `Apparat — офлайн-консоль
Нет связи с Discord: укажите DISCORD_TOKEN в .env (см. .env.example и README) и снова запустите
npm start, чтобы бот вышел в сеть. Здесь можно вводить слеш-команды, как в Discord:

  /кто имя:Хрущёв            /должность название:генсек  /когда дата:май 1983
  /хронология                /источники                  /помощь
  /викторина вопрос          /учить                      /лидеры

Команда сообщения принимает текст сообщения после своего названия:
  Найти в Apparat: кто был после Сталина — Хрущёв или Маленков?

Параметры принимают то, что позволил бы отправить Discord (вариант из списка, число в пределах).
Tab дополняет команды, параметры и имена. Число нажимает эту кнопку или выбирает этот пункт
последнего ответа. «lang en» — ответы как в Discord на английском, «lang ru» — на русском;
«exit» или Ctrl-D — выход.
`,
  consoleNoButton: "В последнем сообщении нет такой кнопки или пункта.",
  consoleLanguageUsage: "Введите lang ru или lang en.",
};
