// Latin <-> Cyrillic transliteration, so "kometa" finds «Комета» and «роутер» finds "router". Runtime: any.

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const LATIN_DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['sch', 'щ'],
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'е'],
  ['ou', 'ау'],
  ['ee', 'и'],
  ['oo', 'у'],
  ['ph', 'ф'],
  ['th', 'т'],
];
const LATIN_LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'дж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'и',
  z: 'з',
};

export function toLatin(word: string): string {
  let result = '';
  for (const char of word) result += CYRILLIC_TO_LATIN[char] ?? char;
  return result;
}

export function toCyrillic(word: string): string {
  let result = '';
  let index = 0;
  outer: while (index < word.length) {
    for (const [latin, cyrillic] of LATIN_DIGRAPHS) {
      if (word.startsWith(latin, index)) {
        result += cyrillic;
        index += latin.length;
        continue outer;
      }
    }
    const char = word[index] ?? '';
    result += LATIN_LETTERS[char] ?? char;
    index += 1;
  }
  return result;
}
