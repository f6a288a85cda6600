// The words people type for dates: month names in English, Russian (every case) and a few other
// languages, seasons, and decades spelled out. The parser (./parse.ts) and the message lookup
// (src/spot/dates.ts) both read them.

export const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Month words people type, mapped to 1–12: English, abbreviations, Russian in every case, a few others. */
export const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const add = (month: number, ...words: string[]) => {
    for (const w of words) map.set(w, month);
  };
  MONTHS_EN.forEach((name, i) => {
    add(i + 1, name.toLowerCase(), name.slice(0, 3).toLowerCase());
  });
  add(9, "sept");
  // Russian: nominative, genitive ("12 ноября"), prepositional ("в ноябре").
  const ru = [
    ["январь", "января", "январе", "янв"],
    ["февраль", "февраля", "феврале", "фев"],
    ["март", "марта", "марте", "мар"],
    ["апрель", "апреля", "апреле", "апр"],
    ["май", "мая", "мае"],
    ["июнь", "июня", "июне", "июн"],
    ["июль", "июля", "июле", "июл"],
    ["август", "августа", "августе", "авг"],
    ["сентябрь", "сентября", "сентябре", "сен", "сент"],
    ["октябрь", "октября", "октябре", "окт"],
    ["ноябрь", "ноября", "ноябре", "ноя", "нояб"],
    ["декабрь", "декабря", "декабре", "дек"],
  ];
  ru.forEach((words, i) => add(i + 1, ...words));
  // German and French names that differ from English.
  add(1, "januar", "janvier");
  add(2, "februar", "fevrier");
  add(3, "marz", "maerz", "mars");
  add(4, "avril");
  add(5, "mai");
  add(6, "juni", "juin");
  add(7, "juli", "juillet");
  add(8, "aout");
  add(10, "oktober", "octobre");
  add(12, "dezember", "decembre");
  return map;
})();

export type Season = "spring" | "summer" | "autumn" | "winter";
export const SEASON_WORDS: ReadonlyMap<string, Season> = new Map([
  ["spring", "spring"],
  ["summer", "summer"],
  ["autumn", "autumn"],
  ["fall", "autumn"],
  ["winter", "winter"],
  ["весна", "spring"],
  ["весной", "spring"],
  ["лето", "summer"],
  ["летом", "summer"],
  ["осень", "autumn"],
  ["осенью", "autumn"],
  ["зима", "winter"],
  ["зимой", "winter"],
]);

export const DECADE_WORDS: Record<string, number> = {
  twenties: 1920,
  thirties: 1930,
  forties: 1940,
  fifties: 1950,
  sixties: 1960,
  seventies: 1970,
  eighties: 1980,
  nineties: 1990,
};
