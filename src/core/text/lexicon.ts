// Colloquial and variant spellings customers use, folded to one canonical word before stemming. Runtime: any.
// General support vocabulary only; it must not name anything specific to one company's knowledge base.

const VARIANTS: Record<string, readonly string[]> = {
  интернет: ['инет', 'интернетом', 'инета', 'инете', 'интернетик', 'inet'],
  wifi: ['wi-fi', 'wi', 'вайфай', 'вай-фай', 'вайфая', 'вайфаем', 'вайфае', 'вафля', 'вифи', 'wlan', 'wireless'],
  роутер: ['роутера', 'роутере', 'роутеру', 'роутером', 'маршрутизатор', 'маршрутизатора', 'маршрутизаторе', 'рутер'],
  router: ['routers', 'modem', 'modems'],
  смс: ['sms', 'смс-ка', 'смска', 'смски', 'смску', 'эсэмэс', 'смс-ки', 'смс-ку', 'sms-ka'],
  компьютер: ['комп', 'компа', 'компе', 'компьютера', 'пк', 'ноут', 'ноутбук', 'ноутбука'],
  телевизор: ['телик', 'телика', 'телике', 'тв', 'телевизора', 'телевизоре'],
  tv: ['telly', 'television'],
  приставка: ['приставку', 'приставки', 'приставке', 'тв-приставка', 'бокс', 'box'],
  телефон: ['тел', 'мобила', 'мобильник', 'смартфон', 'телефона', 'телефоне'],
  phone: ['cellphone', 'mobile', 'smartphone'],
  приложение: ['прилага', 'прилож', 'приложуха', 'приложении', 'приложения', 'app', 'апп'],
  app: ['application', 'apps'],
  email: ['e-mail', 'имейл', 'емейл', 'мейл', 'почта', 'почту', 'почте', 'мыло', 'mail'],
  пароль: ['пасс', 'пароля', 'паролем', 'пароле', 'pass'],
  password: ['passwd', 'pwd', 'passcode'],
  деньги: ['бабки', 'деньжата', 'средства'],
  оператор: ['оператора', 'оператору', 'оператором', 'операционист'],
  login: ['log-in', 'signin', 'sign-in', 'logon'],
  cancel: ['cancelled', 'canceled', 'cancelling', 'canceling', 'cancellation'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, variants] of Object.entries(VARIANTS)) {
  CANONICAL.set(canonical, canonical);
  for (const variant of variants) CANONICAL.set(variant, canonical);
}

/** The canonical form of a normalised word, or the word itself when it has no known variant. */
export function canonicalWord(word: string): string {
  return CANONICAL.get(word) ?? word;
}
