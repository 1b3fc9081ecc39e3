// Sensitive topics a person must handle: legal threats, payment disputes, security incidents,
// personal-data requests and any sign of risk to a person (RU/EN). Runtime: any.
import { normalize } from '../text/normalize.ts';
import { alternatives } from '../text/pattern.ts';
import { rememberLast } from '../util/remember-last.ts';

export type SensitiveKind = 'risk' | 'security' | 'legal' | 'payment-dispute' | 'personal-data';

interface Rule {
  readonly kind: SensitiveKind;
  readonly pattern: RegExp;
}

const W = '(?<!\\p{L})';
const rule = (kind: SensitiveKind, stems: readonly string[]): Rule => ({
  kind,
  pattern: new RegExp(`${W}(?:${alternatives(stems)})`, 'u'),
});

// The wordings of each kind, matched at word starts on normalised text.
const RISK = [
  String.raw`суицид|покончить с собой|не хочу (?:больше )?жить|не вижу смысла (?:жить|в жизни)|потерял\p{L}* сознание`,
  String.raw`в обморок|не дышит|инфаркт|инсульт|кровотеч|идет дым|идёт дым|пошел дым|дымит|дымится|запах гари`,
  String.raw`горел\p{L}+ пахнет|угрож\p{L}*|убить себя|убью себя|свести счеты|умираю|умира|скор(?:ая|ую) помощ`,
  String.raw`вызвать скорую|пожар|загорел\p{L}*|возгоран|пламя|огонь|задымил|плохо с сердцем|сердечн\p{L}* приступ`,
  String.raw`вызвать врача|вызвать скорую|дым (?:из|от|идет)|искрит|искры|ударило током|бьет током|удар током`,
  String.raw`плавится|насили|избива|угрожа(?:ет|ют) (?:мне|убить)|ребен(?:ок|ка) (?:один|заперт|в опасности)`,
  String.raw`kill myself|suicid|don'?t want to live|point in living|reason to live|want to die|collapsed|unconscious`,
  String.raw`not breathing|heart attack|stroke|bleeding|threaten\p{L}*|smell of burning|pushed (?:me|my)`,
  String.raw`hit (?:me|my)|assault|don'?t feel safe|unsafe|got a shock|electrocut|толкнул|ударил|burning smell`,
  String.raw`smoking|end my life|hurt myself|emergency|ambulance|on fire|fire in|smoke (?:from|coming)|sparks?`,
  String.raw`electric shock|shocked me|melting|violence|abuse|threatening to kill|in danger`,
];
const SECURITY = [
  String.raw`якобы (?:из|от)|от имени (?:кометы|компании|вашей)|продиктовал\p{L}* (?:код|пароль|данные)`,
  String.raw`сообщил\p{L}* (?:им )?(?:код|пароль)|назвал\p{L}* (?:им )?код|незнаком\p{L}* устройств`,
  String.raw`чуж\p{L}* устройств|кто-то (?:смотрит|пользуется|заходит|входит)|с моего аккаунта`,
  String.raw`devices? i don'?t recogni[sz]e|don'?t recogni[sz]e|someone used my account|unknown (?:device|login)`,
  String.raw`logins? (?:to|into) my account from|взлом|взломал|взломан|мошенни|украли (?:деньги|аккаунт|пароль)`,
  String.raw`чужой вход|кто[- ]то (?:зашел|вошел|залез|поменял|сменил)|(?:поменяли|сменили) (?:мне )?пароль`,
  String.raw`без моего (?:ведома|согласия)|не я (?:менял|заходил|оплачивал|подключал)|фишинг|звонят от имени`,
  String.raw`представился сотрудник|hack|fraud|scam|card details|someone (?:logged|got) into|someone changed my`,
  String.raw`stolen|phishing|unauthori[sz]ed|not me who|identity theft|pretending to be (?:from )?kometa`,
];
const LEGAL = [
  String.raw`суд(?:а|е|ом|у|ы|ебн\p{L}*)?(?!\p{L})|иск(?:а|е|ом|у|и|ов)?(?!\p{L})|исков\p{L}*|претензи|адвокат|юрист`,
  String.raw`прокуратур|заявлени\p{L}* в полици|полици|моральн\p{L}* вред|компенсаци\p{L}* морал|lawyer|attorney|sue\b`,
  String.raw`suing|lawsuit|legal action|legal notice|formal claim|claim for compensation|court|small claims|solicitor`,
];
const PAYMENT_DISPUTE = [
  String.raw`чарджбэк|чарджбек|chargeback|charge back|оспор\p{L}* (?:платеж|списани|оплат)`,
  String.raw`опротест\p{L}*|отозв\p{L}* платеж|(?:через|в) банк (?:верну|оспор|отмен)`,
  String.raw`заблокирую карту|dispute (?:the |this |a )?(?:charge|payment|transaction)`,
  String.raw`reverse the (?:charge|payment)|my bank (?:will|to) (?:reverse|dispute|refund)`,
];
const PERSONAL_DATA = [
  String.raw`персональн\p{L}* данн|152[- ]?фз|мои данные|моих данных|копи\p{L}* (?:моих )?данных`,
  String.raw`удал\p{L}*(?:\s+\p{L}+){0,2}\s+(?:данные|аккаунт|учетн|личный кабинет|профиль)`,
  String.raw`удалить (?:меня|мою)|забудьте меня|gdpr|personal data|my data`,
  String.raw`delete (?:my |all my )?(?:\p{L}+ )?(?:data|account|profile|information)`,
  String.raw`close (?:my )?account (?:and|permanently)|erase my`,
  String.raw`copy of (?:my|the) (?:data|information)|what data do you (?:have|hold|store)`,
];

/** Ordered by urgency: the first kind found is the one reported first. */
const RULES: readonly Rule[] = [
  rule('risk', RISK),
  rule('security', SECURITY),
  rule('legal', LEGAL),
  rule('payment-dispute', PAYMENT_DISPUTE),
  rule('personal-data', PERSONAL_DATA),
];

export interface SensitiveMatch {
  readonly kind: SensitiveKind;
  readonly evidence: string;
}

/** Every sensitive kind the message touches, most urgent first. */
export const detectSensitive: (text: string) => readonly SensitiveMatch[] = rememberLast((text: string) => {
  const normalized = normalize(text);
  const matches: SensitiveMatch[] = [];
  for (const { kind, pattern } of RULES) {
    const match = pattern.exec(normalized);
    if (match !== null) matches.push({ kind, evidence: match[0] });
  }
  return matches;
});
