/**
 * Latin renderings of Russian names in the systems people actually meet: the common English
 * (BGN/PCGN-like) spelling, scholarly and ISO 9, and German, French, Polish and Spanish habits.
 * Outputs keep their diacritics; the search normaliser folds them.
 */
type Table = Readonly<Record<string, string>>;

const COMMON: Table = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "yo",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  і: "i",
  ї: "yi",
  є: "ye",
};

const systems: Record<string, { table: Table; iotatedE?: string; iotatedYo?: string }> = {
  english: { table: COMMON, iotatedE: "ye" },
  simple: { table: { ...COMMON, ё: "e", й: "i", ы: "i" } },
  scholarly: {
    table: {
      ...COMMON,
      ё: "ë",
      ж: "ž",
      й: "j",
      х: "ch",
      ц: "c",
      ч: "č",
      ш: "š",
      щ: "šč",
      ы: "y",
      э: "è",
      ю: "ju",
      я: "ja",
    },
  },
  iso9: {
    table: {
      ...COMMON,
      ё: "ë",
      ж: "ž",
      й: "j",
      х: "h",
      ц: "c",
      ч: "č",
      ш: "š",
      щ: "ŝ",
      ы: "y",
      э: "è",
      ю: "û",
      я: "â",
    },
  },
  german: {
    table: {
      ...COMMON,
      в: "w",
      ж: "sch",
      з: "s",
      й: "i",
      х: "ch",
      ц: "z",
      ч: "tsch",
      ш: "sch",
      щ: "schtsch",
      ю: "ju",
      я: "ja",
      ё: "jo",
    },
    iotatedE: "je",
  },
  french: {
    table: {
      ...COMMON,
      ж: "j",
      й: "ï",
      у: "ou",
      х: "kh",
      ц: "ts",
      ч: "tch",
      ш: "ch",
      щ: "chtch",
      ю: "iou",
      я: "ia",
      ё: "io",
    },
    iotatedE: "ie",
  },
  polish: {
    table: {
      ...COMMON,
      в: "w",
      ж: "ż",
      й: "j",
      х: "ch",
      ц: "c",
      ч: "cz",
      ш: "sz",
      щ: "szcz",
      ю: "ju",
      я: "ja",
      ё: "jo",
      ы: "y",
    },
    iotatedE: "je",
  },
  spanish: {
    table: {
      ...COMMON,
      ж: "zh",
      й: "i",
      х: "j",
      ц: "ts",
      ч: "ch",
      ш: "sh",
      щ: "shch",
      ю: "iu",
      я: "ia",
      ё: "io",
    },
  },
};

export const TRANSLIT_SYSTEMS = Object.keys(systems);

const VOWELS = new Set("аеёиоуыэюяьъ");

function transliterateWith(text: string, system: (typeof systems)[string]): string {
  let out = "";
  const chars = [...text];
  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase();
    const isUpper = lower !== ch;
    let latin = system.table[lower];
    if (latin === undefined) {
      out += ch;
      return;
    }
    const prev = chars[i - 1]?.toLowerCase();
    const wordStartOrAfterVowel = prev === undefined || prev === " " || prev === "-" || VOWELS.has(prev);
    if (lower === "е" && system.iotatedE && wordStartOrAfterVowel) latin = system.iotatedE;
    if (isUpper && latin.length > 0) latin = latin[0]!.toUpperCase() + latin.slice(1);
    out += latin;
  });
  return out;
}

/** Every distinct Latin rendering of a Cyrillic text, with the system that produced it. */
export function transliterations(cyrillic: string): { system: string; text: string }[] {
  const seen = new Set<string>();
  const result: { system: string; text: string }[] = [];
  for (const [name, system] of Object.entries(systems)) {
    const text = transliterateWith(cyrillic, system);
    if (!seen.has(text)) {
      seen.add(text);
      result.push({ system: name, text });
    }
  }
  return result;
}
