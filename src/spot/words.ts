// The ordinary words the message lookup must tell apart from names, compiled by hand for this bot
// (no dictionary package is a dependency, and nothing is fetched at run time). They are not a
// dictionary of the languages: a word is here because it is what a chat message most likely means
// where a name would otherwise be read. Folded as message words are (lower case, ё → е, й → и, no ь).
//  - ORDINARY: everyday English and Russian words that are one typing slip from a name form or
//    are a name form ("stain" is not "Stalin", "ленив" not "Ленин", "козлов" a herd's goats),
//    and the clipped words of office aliases that are words of their own ("sec" as in a second).
//    Plurals, possessives and case forms need no entry: a word found inflected takes no slip.
//  - GIVEN_NAMES: first names (and their everyday short forms) that are none of our people's, in
//    Russian (their Latin spellings are derived) and in English: "Alexander Zinoviev" is another man.
//  - Places named after people: "Lenin Street", "улица Ленина", "площадь Дзержинского".
import { transliterations } from "../search/translit.js";

const list = (text: string): string[] => text.split(/\s+/).filter(Boolean);

export const ORDINARY_EN = list(`
  stain statin secretarial secretory genset chenin apfelbaum joffre jaffe levin lenis leonine beira
  serin sec gen tech gorky
`);

export const ORDINARY_RU = list(`
  ленив ленива ленивы молотом молотое молотои молотов маленкое маленкои маленком козлом козлов
  хрущеи суслом каменел подгорныи сверлов
`);

/** Russian first names and short forms that are not also everyday words ("Вера", "Роман" are). */
const GIVEN_RU = list(`
  александр алексеи анатолии андреи антон аркадии арсении артем богдан вадим валентин валерии
  василии вениамин виктор виталии владислав всеволод вячеслав геннадии георгии герман глеб
  григории даниил денис дмитрии евгении егор ефим захар иван игорь илья кирилл константин
  кузьма лаврентии лазарь лев леонид максим матвеи михаил никита николаи олег павел петр
  платон прохор родион руслан савва святослав семен сергеи станислав степан тарас тимофеи
  тимур трофим федор филипп эдуард юрии ярослав яков анастас феликс борис владимир адолф
  абрам моисеи давид евсеи эдмунд виссарион максимилиан устин фрол эрнст афанасии игнат
  александра алла анастасия анна антонина валентина валерия варвара вероника галина дарья
  евгения екатерина елена елизавета жанна зинаида зоя инна ирина карина кира клавдия ксения
  лариса лидия людмила маргарита марина мария наталья нина оксана ольга полина раиса светлана
  софья тамара татьяна ульяна юлия алина ангелина диана эльвира нелли римма фаина эмма
  саша ваня петя дима сережа женя таня наташа маша катя оля вася федя паша толя витя люда
  галя надя ира аня даша зина
`);

/** Russian names whose Latin spelling is an English word: only their Cyrillic forms count. */
const NOT_NAMES_IN_LATIN = new Set(["roman", "mark", "lev", "yan", "gleb"]);

/** English forms of first names, none an English equivalent of one of our people's names. */
const GIVEN_EN = list(`
  alexander alexandra alex andrew anthony arthur benjamin charles christopher daniel david edward
  eugene frederick henry howard isaac jonathan john kevin martin patrick peter richard robert
  samuel simon stephen steven thomas timothy walter william anne catherine elizabeth emily irene
  julia maria mary natalie olivia rachel sarah sophia susan victoria dmitri dmitry sergei sergey
  andrei andrey ivan pyotr fyodor nadezhda svetlana raisa tatiana natalia natasha sasha vasily
  vasili anastas
`);

function latinForms(cyrillic: string): string[] {
  return transliterations(cyrillic).map((t) => t.text);
}

/** Every given name, as written: the Russian ones in Cyrillic and in their Latin spellings. */
export const GIVEN_NAMES: readonly string[] = [
  ...GIVEN_RU,
  ...GIVEN_RU.flatMap(latinForms).filter((w) => !NOT_NAMES_IN_LATIN.has(w.toLowerCase())),
  ...GIVEN_EN,
];

/** Words that, right after a name, make it a place: "Lenin Street", "Gorky Park". */
export const PLACE_AFTER = list(`
  street st avenue ave square sq prospekt prospect park boulevard blvd lane road bridge station
  metro district oblast region raion rayon plant factory works stadium institute university
  embankment canal peak airport library museum school
`);

/** Words that, right before a name in the genitive, make it a place: "улица Ленина". */
export const PLACE_BEFORE = list(`
  улица ул проспект пр площадь пл переулок пер бульвар набережная раион парк метро станция
  завод фабрика город имени им мост библиотека музеи институт университет школа стадион
  колхоз совхоз пик остров комбинат аэропорт
`);

/**
 * Words that, after an office and "of", name our party or its organs: "General Secretary of the
 * CPSU". Any other word there is another organisation's office ("first secretary of the embassy").
 */
export const OUR_ORGANS = list(`
  cpsu party central cc communist soviet ussr bolsheviks bolshevik rsdlp rcp vkp all
  secretariat politburo orgburo committee
`);

/** Words before an office that make it another organisation's: "the UN secretariat". */
export const OTHER_ORGANS = list(`
  un nato eu opec embassy club company school chinese china vietnamese cuban korean labour labor
  trade
`);
