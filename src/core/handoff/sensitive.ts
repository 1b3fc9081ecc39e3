// Sensitive topics a person must handle: legal threats, payment disputes, security incidents,
// personal-data requests and any sign of risk to a person (RU/EN). Runtime: any.
import { normalize } from '../text/normalize.ts';
import { rememberLast } from '../util/remember-last.ts';

export type SensitiveKind = 'risk' | 'security' | 'legal' | 'payment-dispute' | 'personal-data';

interface Rule {
  readonly kind: SensitiveKind;
  readonly pattern: RegExp;
}

const W = '(?<!\\p{L})';
const rule = (kind: SensitiveKind, stems: string): Rule => ({ kind, pattern: new RegExp(`${W}(?:${stems})`, 'u') });

/** Ordered by urgency: the first kind found is the one reported first. */
const RULES: readonly Rule[] = [
  rule('risk', 'суицид|покончить с собой|не хочу (?:больше )?жить|не вижу смысла (?:жить|в жизни)|потерял\\p{L}* сознание|в обморок|не дышит|инфаркт|инсульт|кровотеч|идет дым|идёт дым|пошел дым|дымит|дымится|запах гари|горел\\p{L}+ пахнет|угрож\\p{L}*|убить себя|убью себя|свести счеты|умираю|умира|скор(?:ая|ую) помощ|вызвать скорую|пожар|загорел\\p{L}*|возгоран|пламя|огонь|задымил|плохо с сердцем|сердечн\\p{L}* приступ|вызвать врача|вызвать скорую|дым (?:из|от|идет)|искрит|искры|ударило током|бьет током|удар током|плавится|насили|избива|угрожа(?:ет|ют) (?:мне|убить)|ребен(?:ок|ка) (?:один|заперт|в опасности)|kill myself|suicid|don\'?t want to live|point in living|reason to live|want to die|collapsed|unconscious|not breathing|heart attack|stroke|bleeding|threaten\\p{L}*|smell of burning|pushed (?:me|my)|hit (?:me|my)|assault|don\'?t feel safe|unsafe|got a shock|electrocut|толкнул|ударил|burning smell|smoking|end my life|hurt myself|emergency|ambulance|on fire|fire in|smoke (?:from|coming)|sparks?|electric shock|shocked me|melting|violence|abuse|threatening to kill|in danger'),
  rule('security', 'якобы (?:из|от)|от имени (?:кометы|компании|вашей)|продиктовал\\p{L}* (?:код|пароль|данные)|сообщил\\p{L}* (?:им )?(?:код|пароль)|назвал\\p{L}* (?:им )?код|незнаком\\p{L}* устройств|чуж\\p{L}* устройств|кто-то (?:смотрит|пользуется|заходит|входит)|с моего аккаунта|devices? i don\'?t recogni[sz]e|don\'?t recogni[sz]e|someone used my account|unknown (?:device|login)|logins? (?:to|into) my account from|взлом|взломал|взломан|мошенни|украли (?:деньги|аккаунт|пароль)|чужой вход|кто[- ]то (?:зашел|вошел|залез|поменял|сменил)|(?:поменяли|сменили) (?:мне )?пароль|без моего (?:ведома|согласия)|не я (?:менял|заходил|оплачивал|подключал)|фишинг|звонят от имени|представился сотрудник|hack|fraud|scam|card details|someone (?:logged|got) into|someone changed my|stolen|phishing|unauthori[sz]ed|not me who|identity theft|pretending to be (?:from )?kometa'),
  rule('legal', 'суд(?:а|е|ом|у|ы|ебн\\p{L}*)?(?!\\p{L})|иск(?:а|е|ом|у|и|ов)?(?!\\p{L})|исков\\p{L}*|претензи|адвокат|юрист|прокуратур|заявлени\\p{L}* в полици|полици|моральн\\p{L}* вред|компенсаци\\p{L}* морал|lawyer|attorney|sue\\b|suing|lawsuit|legal action|legal notice|formal claim|claim for compensation|court|small claims|solicitor'),
  rule('payment-dispute', 'чарджбэк|чарджбек|chargeback|charge back|оспор\\p{L}* (?:платеж|списани|оплат)|опротест\\p{L}*|отозв\\p{L}* платеж|(?:через|в) банк (?:верну|оспор|отмен)|заблокирую карту|dispute (?:the |this |a )?(?:charge|payment|transaction)|reverse the (?:charge|payment)|my bank (?:will|to) (?:reverse|dispute|refund)'),
  rule('personal-data', 'персональн\\p{L}* данн|152[- ]?фз|мои данные|моих данных|копи\\p{L}* (?:моих )?данных|удал\\p{L}*(?:\\s+\\p{L}+){0,2}\\s+(?:данные|аккаунт|учетн|личный кабинет|профиль)|удалить (?:меня|мою)|забудьте меня|gdpr|personal data|my data|delete (?:my |all my )?(?:\\p{L}+ )?(?:data|account|profile|information)|close (?:my )?account (?:and|permanently)|erase my|copy of (?:my|the) (?:data|information)|what data do you (?:have|hold|store)'),
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
