// Detects a request to talk to a person (RU/EN), also inside a longer message; mere mentions of staff do not count.
// Runtime: any.
import { anyOf } from '../text/any-of.ts';
import { normalize } from '../text/normalize.ts';
import { alternation, alternatives, sequence } from '../text/pattern.ts';
import { rememberLast } from '../util/remember-last.ts';

/** Words for a person in Russian, in any case: «оператора», «живого», «кого-нибудь», «вашу команду». */
const RU_PERSON_WORDS = [
  String.raw`оператор\p{L}*|человек\p{L}*|люд\p{L}*|специалист\p{L}*|менеджер\p{L}*|сотрудник\p{L}*|консультант\p{L}*`,
  String.raw`агент\p{L}*|живо\p{L}*|поддержк\p{L}*|техподдержк\p{L}*|саппорт\p{L}*|кого[- ]нибудь|кого[- ]то`,
  String.raw`спец(?:а|у|ом|ы|ов)?(?!\p{L})|инженер\p{L}*|техник(?:а|у|ом|ов|и)?(?!\p{L})|дежурн\p{L}*`,
  String.raw`старш(?:его|ему|ий|им)(?!\p{L})|(?:вашей\s+|вашу\s+)?команд\p{L}*|отдел\p{L}*|кого-нибудь|кого-то`,
  String.raw`кем-нибудь|кем-то|тем,?\s+кто|того,?\s+кто|девушк\p{L}*|людям`,
];
const RU_PERSON = `(?:${alternatives(RU_PERSON_WORDS)})`;
/** Words for a person in English, after any of "a", "the", "your", "real", "support"… */
const EN_PERSON_WORDS = [
  'human|person|people|agent|operator|representative|rep|someone|somebody|staff|supervisor|manager',
  'specialist|technician|engineer|support team|customer service|support ppl|support people|team|tech guy|guy',
  'tech|techs|advisor|colleague|som1|sum1',
];
const EN_PERSON_BEFORE = '(?:a |an |the |your |some |real |live |actual |support |customer |tech )*';
const EN_PERSON = `${EN_PERSON_BEFORE}(?:${alternatives(EN_PERSON_WORDS)})`;

/**
 * Words for a person who could serve the customer (typos included); weaker ones such as "team" need a verb
 * of reaching.
 */
const STRONG_PERSON = [
  ['оператор\\p{L}*', 'операт\\p{L}*', 'оператр\\p{L}*', 'человек\\p{L}*', 'челавек\\p{L}*'],
  ['чел(?:а|у|ом)?', 'живо(?:го|й|му|м)', 'специалист\\p{L}*', 'спецалист\\p{L}*'],
  ['консультант\\p{L}*', 'сотрудник\\p{L}*', 'сатрудник\\p{L}*', 'инженер\\p{L}*', 'дежурн\\p{L}*'],
  ['operator', 'operater', 'human', 'humen', 'hooman', 'person', 'someone', 'some one'],
  ['somebody', 'smbdy', 'anyone', 'anybody', 'agent', 'agnet', 'rep', 'representative'],
  ['staff', 'employee', 'engineer', 'specialist', 'spesialist', 'assistant', 'asistant'],
  ['boss', 'manager', 'someone in charge', 'chelovek\\p{L}*', 'operator\\p{L}*', 'zhiv\\p{L}*'],
]
  .flat()
  .join('|');
/** Words of asking: a wish, a request, a question whether one can. */
const ASKING = [
  ['можно', 'нужен', 'нужна', 'нужно', 'нужны', 'хочу', 'хотел\\p{L}*', 'пожалуйста', 'пожалуста', 'пж', 'пжлст'],
  ['плз', 'плиз', 'срочно', 'дайте', 'дай', 'давай\\p{L}*', 'верните', 'подключ\\p{L}*', 'переадрес\\p{L}*'],
  ['переда\\p{L}*', 'передай\\p{L}*', 'соедин\\p{L}*', 'саедин\\p{L}*', 'вызов\\p{L}*', 'пробить\\p{L}*'],
  ['связат\\p{L}*', 'на линию', 'на связь', 'где', 'ау', 'будет\\s*\\?', 'есть\\s*\\?', 'мне бы', 'мне б'],
  ['please', 'pls', 'plz', 'can i', 'could i', 'may i', 'can you', 'could you', 'would it be possible'],
  ["i'd like", 'i would like', 'i want', 'wanna', 'need', 'needed', 'connect', 'put me through', 'put through'],
  ['switch', 'swap', 'join', 'transfer', 'now', 'asap', 'is there', "i'd rather", "i'm trying to reach"],
  ['talk', 'speak', 'spk', 'word with', 'look at my', 'available', 'contact me', 'email me', 'call me'],
]
  .flat()
  .map((word) => `(?<!\\p{L})${word}(?!\\p{L})`)
  .join('|');

// The long patterns below, as their alternatives one group per line.
/** Verbs that ask for someone in Russian: «позовите», «соедините», «переключите», «дайте», «нужен», «хочу». */
const ASK_FOR_RU = [
  String.raw`позов\p{L}*|зов\p{L}*|зови|подключи(?:те)?|перекинь\p{L}*|перекиньте|скинь\p{L}*|скиньте|отдай\p{L}*`,
  String.raw`давай\p{L}*|ищу|соедин\p{L}*|свяж\p{L}*|переключ\p{L}*|перевед\p{L}*|перевест\p{L}*|перешл\p{L}*`,
  String.raw`передай\p{L}*|передайте|дай\p{L}*|нуж\p{L}*|хочу|хотим|хотел\p{L}*|требую|прошу|можно|пригласите`,
  String.raw`подключите`,
];
const TALK_RU = 'поговорить|говорить|связаться|пообщаться|общаться|переписываться|разговаривать';
const NOT_A_BOT_RU = [
  String.raw`не\s+(?:с\s+)?бот\p{L}*|хватит\s+бот\p{L}*|бот\p{L}*\s+не\s+нуж\p{L}*|надоел\p{L}*\s+бот`,
  String.raw`с\s+ботом\s+не\s+хочу`,
];
/** Russian typed in Latin letters: "mozhno cheloveka", "operatora dajte", "soedinite s …". */
const TRANSLIT_ASK = [
  String.raw`(?:a\s+)?mozhno\s+cheloveka|sotrudnika\s+mne`,
  String.raw`(?:operatora|cheloveka|specialista)\s+(?:dajte|dayte|pozovite|pozhalu\p{L}*)`,
  String.raw`(?:pereklyuchite|perevedite|soedinite)\s+(?:na|s)\s+\p{L}+`,
];
/** "Is there anyone there", "a real tech on the line", "the same person who helped". */
const SOMEONE_REAL_EN = [
  String.raw`is\s+there\s+anyone\s+there|a\s+person,?\s+i\s+mean|(?:a\s+)?real\s+tech\s+on\s+the\s+line`,
  String.raw`assistance\s+from\s+a\s+(?:staff|team)\s+member|(?:the\s+)?same\s+person\s+who`,
  String.raw`(?:the\s+)?person\s+who\s+(?:did|helped|installed)`,
  String.raw`(?:can|could)\s+(?:the|your)\s+\p{L}+\s+team\s+(?:contact|call|reach)|tier\s*2|senior\s+tech`,
  String.raw`on-call\s+engineer|(?:get|put)\s+me\s+(?:thru|through)\s+to|customer\s+service\s+rep`,
];
/** «дозваться кого-нибудь», «к той девушке, которая…», «подключиться к чату», «оператор?». */
const REACH_SOMEONE_RU = [
  String.raw`(?<!\p{L})(?:дозвать\p{L}*|достучат\p{L}*)\s+(?:\p{L}+\s+){0,2}(?:кого|живого|оператор|человек)`,
  String.raw`(?:к|с)\s+(?:той\s+|тому\s+)?(?:девушк\p{L}*|сотрудник\p{L}*|специалист\p{L}*),?\s+(?:котор\p{L}*|кто)`,
  String.raw`подключиться\s+к\s+(?:диалогу|чату)|(?:посмотрел|позвонил|перезвонил)\p{L}*\s+кто-(?:то|нибудь)`,
  String.raw`кто-(?:то|нибудь)\s+из\s+(?:живых\s+)?(?:сотрудник|инженер|специалист|техник)\p{L}*`,
  String.raw`оператор\p{L}*\s*\?\s*$|с\s+оператором\s+(?:по-человечески\s+)?(?:поговор|переговор)\p{L}*`,
];
const VERBS_TO_EN = [
  'talk|tlk|speak|speek|chat|connect|transfer|put|escalate|get|give|need|want|let|send|pass|forward',
  'hook|route|loop|bring|fetch|summon|hand',
];
const ASK_FOR_EN = [
  "i need|i want|can i get|could i get|can i have|may i speak|i'd like|i would like|get me|give me|bring me",
  'get|fetch|summon|bring in|loop in|customer service|who can i talk to',
];
const CALLBACK_RU = [
  String.raw`перезвон\p{L}*|позвоните\s+мне|позвоните(?:\s+\p{L}+)?\s+по\s+(?:номеру|телефону)`,
  String.raw`обратн\p{L}*\s+звон\p{L}*|жду\s+звонка|запрос\p{L}*\s+на\s+звонок`,
  String.raw`звонок\s+(?:от\s+)?(?:оператор|специалист|техник|сотрудник|инженер)\p{L}*`,
  String.raw`пусть\s+(?:мне\s+)?(?:кто[- ]?(?:нибудь|то)\s+)?` +
    String.raw`(?:\p{L}+\s+){0,3}(?:позвонит|перезвонит|напишет|свяжется)`,
];
const CALLBACK_EN = [
  String.raw`call\s+me(?:\s+back)?|ring\s+me|phone\s+me|callback|call\s*back|give\s+me\s+a\s+call`,
  String.raw`(?:have|get)\s+(?:someone|somebody|him|her|them|a\s+\p{L}+)\s+(?:to\s+)?(?:call|phone|ring|contact)`,
  String.raw`(?:someone|somebody|member\s+of\s+your\s+team)\s+(?:\p{L}+\s+){0,2}` +
    String.raw`(?:call|phone|ring|reach\s+out|contact|get\s+in\s+touch)`,
  String.raw`(?:arrange|schedule|book)\s+a\s+(?:phone\s+)?call|(?:reach\s+out|get\s+back)\s+to\s+me`,
];
/** Someone in charge («начальник», «руководитель») counts only after a verb of asking in the same sentence. */
const BOSS_RU = String.raw`(?:начальник|руководител|представител|инженер|отдел\p{L}*\s+продаж)\p{L}*`;
const ASKED_RU = String.raw`поговорить|связ\p{L}*|соедин\p{L}*|обсудить|хочу|дайте|позовите|можно`;
const ESCALATION_RU = [
  String.raw`эскалир\p{L}*|старш\p{L}*\s+(?:смены|специалист\p{L}*|менеджер\p{L}*|оператор\p{L}*)`,
  String.raw`(?:с\s+)?${BOSS_RU}(?=[\s,.!?]|$)(?<=(?:${ASKED_RU})[^.!?]{0,40})`,
];
const ESCALATION_EN = [
  String.raw`escalat\p{L}*|supervisor|second[- ]line|retentions?|account\s+manager`,
  String.raw`(?:talk|speak)\s+to\s+(?:sales|billing|retentions?|someone|whoever)`,
  String.raw`put\s+(?:a\s+human|them|someone|somebody|a\s+person)\s+on|hand\s+me\s+over`,
  String.raw`transfer\s+me(?!\s+(?:to\s+)?(?:the\s+)?(?:\p{L}+\s+)?(?:plan|tariff|package))`,
  String.raw`switch\s+me\s+to\s+(?:an?\s+|the\s+)?` +
    String.raw`(?:agent|human|person|operator|live|support|someone|somebody|specialist)`,
  String.raw`bring\s+(?:a|an|the|someone|somebody)\s+(?:\p{L}+\s+)?(?:into|in\s+on)`,
  String.raw`connect\s+me\s+to\s+(?:the\s+|your\s+)?\p{L}+(?:\s+\p{L}+)?\s+team|advisor|adviser|a\s+colleague`,
  String.raw`member\s+of\s+(?:your|the)\s+(?:team|staff)`,
];
/** "Reach a real person", "contact your support staff" — but not the support page, hours, number, e-mail or chat. */
const REACH_EN = String.raw`(?:reach|contact|get\s+hold\s+of)\s+(?:an?\s+|the\s+|your\s+)?`;
const SHORTHAND_EN = [
  String.raw`(?<!\p{L})(?:gimme|want|need|get)\s+(?:a\s+|an\s+|some\s+)?` +
    String.raw`(?:human|person|agent|staff|operator|rep)(?!\p{L})`,
  String.raw`(?:talk|speak|chat)\s+(?:2|w|w\/|wiv)\s+(?:a\s+)?(?:human|person|someone|somebody|agent)|human\s+agent`,
  String.raw`${REACH_EN}(?:actual\s+|real\s+|live\s+)?(?:support\s+)?` +
    String.raw`(?:person|human|agent|someone|somebody|staff|support(?!\s+(?:page|hours|number|email|chat)))`,
  String.raw`anyone\s+(?:at\s+\p{L}+\s+)?(?:i\s+can|to)\s+(?:actually\s+)?talk|(?:live|human)\s+support|whoever\s+can`,
];

const PATTERNS: readonly RegExp[] = [
  // «позовите / соедините / переключите / дайте / нужен / хочу … оператора»
  sequence([
    String.raw`(?<!\p{L})(?:${alternatives(ASK_FOR_RU)})`,
    String.raw`(?:[^.!?]{0,40}?)`,
    String.raw`(?<!\p{L})(?:с\s+|со\s+|на\s+)?${RU_PERSON}`,
  ]),
  // «поговорить / связаться / пообщаться с человеком»
  new RegExp(String.raw`(?<!\p{L})(?:${TALK_RU})\s+(?:с\s+|со\s+)(?:\p{L}+\s+){0,2}${RU_PERSON}`, 'u'),
  /(?<!\p{L})(?:живой|живого|живым|реальн\p{L}*)\s+(?:человек|оператор|сотрудник|специалист)\p{L}*/u,
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(NOT_A_BOT_RU)})`, 'u'),
  sequence([
    String.raw`^(?:оператор|человек|специалист|менеджер|консультант|сотрудник)\p{L}*`,
    String.raw`(?:\s+(?:мне|можно|пж|плз|пожалуйста|давайте|есть\s+тут|в\s+студию))*[!?.\s]*$`,
  ]),
  sequence([
    String.raw`^(?:a\s+)?(?:rep|human|person|agent|operator|specialist|customer service|support)`,
    String.raw`(?:\s+(?:please|pls|plz|now))?[!?.\s]*$`,
  ]),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(TRANSLIT_ASK)})`, 'u'),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(SOMEONE_REAL_EN)})`, 'u'),
  alternation(REACH_SOMEONE_RU),
  // A short polite demand: «Пожалуйста, человека.», «Сотрудника поддержки, пожалуйста», «соедините, пожалуйста».
  sequence([
    String.raw`(?:^|[.!?]\s*)(?:пожалуйста,?\s+)?`,
    String.raw`(?:оператора|человека|специалиста|сотрудника|консультанта|менеджера)(?:\s+поддержки)?`,
    String.raw`(?:,?\s+пожалуйста)?[!?.\s]*$`,
  ]),
  /(?:^|[.!?,]\s*)(?:соедините|переключите|позовите)(?:,?\s+(?:пожалуйста|плиз|плз|срочно))?[!?.\s]*$/u,
  sequence([
    String.raw`(?<!\p{L})(?:pozovite|soedinite|dajte|dayte|pozvat|pogovorit|svyazhite|pereklyuchite)`,
    String.raw`\s+(?:s\s+)?(?:operator\p{L}*|chelovek\p{L}*|specialist\p{L}*|menedzher\p{L}*)`,
  ]),
  /(?<!\p{L})(?:s|so)\s+(?:operatorom|chelovekom|specialistom|menedzherom)/u,
  /(?<!\p{L})(?:anyone|anybody|someone|somebody)\s+(?:real|human|alive)\s*(?:there|here)?/u,
  /(?<!\p{L})(?:with|to)\s+(?:a\s+)?(?:real\s+|live\s+|actual\s+)?(?:person|human being|human)(?!\p{L})/u,
  /(?<!\p{L})put\s+me\s+through/u,
  alternation([
    String.raw`(?<!\p{L})есть\s+(?:тут\s+|здесь\s+)?(?:кто|кто-нибудь|кто-то)\s+(?:живой|живые)`,
    String.raw`есть\s+(?:тут\s+|здесь\s+)?(?:живые\s+)?люди`,
  ]),
  /^(?:i\s+)?need\s+(?:a\s+|an\s+)?(?:live\s+|real\s+)?(?:rep|agent|human|person|operator)/u,
  sequence([
    String.raw`(?<!\p{L})(?:${alternatives(VERBS_TO_EN)})(?:[^.!?]{0,30}?)`,
    String.raw`(?<!\p{L})(?:to|2|with|me|in|up with|over to|thru to|through to)\s+${EN_PERSON}(?!\p{L})`,
  ]),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(ASK_FOR_EN)})\s+${EN_PERSON}(?!\p{L})`, 'u'),
  /(?<!\p{L})(?:real|live|actual)\s+(?:person|human|agent|people)(?!\p{L})/u,
  /(?<!\p{L})(?:human|agent|operator|representative|person)\s*(?:please|pls|plz|now|!)/u,
  /(?<!\p{L})(?:not|no more|stop)\s+(?:a\s+|the\s+|this\s+)?(?:bot|robot|machine|ai)(?!\p{L})/u,
  /(?<!\p{L})is\s+there\s+(?:a|any)\s+(?:human|person|real person|agent|operator)/u,
  /^(?:human|agent|operator|representative)[!?.\s]*$/u,
  // Callbacks: «перезвоните мне», «пусть кто-нибудь перезвонит», "call me back", "can someone ring me".
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(CALLBACK_RU)})`, 'u'),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(CALLBACK_EN)})(?!\p{L})`, 'u'),
  // Escalation and people with authority: «эскалируйте», «старшего смены», «начальником», "supervisor", "escalate".
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(ESCALATION_RU)})`, 'u'),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(ESCALATION_EN)})(?!\p{L})`, 'u'),
  // Calling for someone in the chat: «вызовите оператора», «связь с оператором», «где тут консультант», «есть кто?».
  sequence([
    String.raw`(?<!\p{L})(?:вызов\p{L}*|вызвать|связь\s+с)\s+(?:\p{L}+\s+)?`,
    String.raw`(?:оператор|специалист|консультант|сотрудник|человек)\p{L}*`,
  ]),
  new RegExp(`(?<!\\p{L})где\\s+(?:тут\\s+|здесь\\s+|же\\s+)?${RU_PERSON}`, 'u'),
  /(?<!\p{L})(?:алло,?\s+)?есть\s+(?:тут\s+|здесь\s+)?кто(?:[- ]?(?:нибудь|то))?(?:\s+живой)?\s*\?/u,
  sequence([
    String.raw`(?<!\p{L})(?:с\s+)?(?:кем[- ]?(?:нибудь|то)|кто[- ]?(?:нибудь|то))`,
    String.raw`\s+(?:из\s+(?:людей|сотрудников)|живым|живой|,?\s*кто\s+может)`,
  ]),
  /(?<!\p{L})(?:объясн\p{L}*|расскаж\p{L}*)\s+(?:это\s+)?(?:человеку|оператору|специалисту|сотруднику)/u,
  // A person named first, the verb after: «оператора позови», «с оператором соедини», «опер нужен», «оператора плз».
  sequence([
    String.raw`(?<!\p{L})(?:с\s+|со\s+)?${RU_PERSON}`,
    String.raw`\s+(?:позов\p{L}*|соедин\p{L}*|дай\p{L}*|нуж\p{L}*|плз|пожалуйста|срочно|быстро)`,
  ]),
  /(?<!\p{L})(?:опер|оператор\p{L}*)\s+(?:нужен|нужна|нужно|плз|плиз|pls)(?!\p{L})/u,
  alternation([
    String.raw`(?:^|\s)(?:оператор\p{L}*\s+){2,}|(?:^|\s)(?:operator\s+){2,}|^\s*0(?:\s+0)*\s*(?:operator)?\s*$`,
    String.raw`(?:нажал\p{L}*|pressed)\s+(?:ноль|0)`,
  ]),
  /(?<!\p{L})(?:chelovek\p{L}*\s+nuzh\p{L}*|nuzh\p{L}*\s+chelovek|(?:s|so)\s+(?:zhivym|realnym)\s+chelovek\p{L}*)/u,
  // English shorthand and chat spelling: "gimme a human", "talk 2 a human", "speak w someone", "human agent required".
  alternation(SHORTHAND_EN),
];

/** Wordings of the mentions below that are too long for one line. */
const STAFF_DID = [
  String.raw`сказал|ответил|обещал|нагрубил|был|приходил|приехал|пришел|посоветовал`,
  String.raw`не\s+смог|не\s+помог|отключил`,
];
const JOBS = [
  String.raw`стать\s+(?:вашим\s+)?(?:сотрудник|оператор|менеджер)|ваканси\p{L}*|работать\s+у\s+вас`,
  String.raw`job|vacanc\p{L}*|hiring`,
];
const MOBILE_OPERATOR = [
  String.raw`(?:мобильн\p{L}*|сотов\p{L}*)\s+оператор|оператор\p{L}*\s+(?:связи|мтс|билайн|мегафон|теле2)`,
  String.raw`(?:мтс|билайн|мегафон|теле2|tele2|yota)\s+(?:как\s+)?оператор|mobile\s+(?:operator|carrier)`,
];
const NO_PERSON_WANTED = [
  String.raw`(?<!\p{L})(?:don'?t|do not|no need|not)\s+(?:need|want|transfer|connect|a|to)` +
    String.raw`\s+(?:a\s+|an\s+)?(?:human|person|agent|operator|me)`,
  String.raw`(?:не\s+нужен|не\s+надо|не\s+нужно)\s+(?:\p{L}+\s+)?(?:оператор|человек|специалист)`,
  String.raw`(?:оператор|человек|специалист)\p{L}*\s+не\s+(?:нужен|надо|нужно)`,
];
const WORK_AND_REFERRALS = [
  String.raw`работать\s+(?:удал\p{L}*\s+)?оператор\p{L}*|подработк\p{L}*`,
  String.raw`recommended\s+you|referral`,
  String.raw`кто-то\s+из\s+людей\s+проверяет`,
  String.raw`thought\s+i\s+was\s+talking`,
  String.raw`передайте\s+спасибо`,
  String.raw`thank\p{L}*\s+\p{L}+\s+(?:from|in)\s+support|status\s+says|escalated'?,?\s+what`,
];
const VISIT = [
  String.raw`выезд\p{L}*|на\s+дом|на\s+дачу|прокладк\p{L}*|установ\p{L}*|монтаж\p{L}*`,
  String.raw`install\p{L}*|come\s+out|visit|wall\s+jack`,
  String.raw`человек-паук|стажировк\p{L}*`,
  String.raw`internship`,
];
const TOLD_BEFORE = String.raw`answered|spoke|talked|said|told|explained|объяснил\p{L}*|ответил\p{L}*|сказал\p{L}*`;
const HELPED_BEFORE = [
  String.raw`(?<!\p{L})(?:${TOLD_BEFORE})\b[^.!?]{0,40}` +
    String.raw`(?:yesterday|last\s+time|вчера|в\s+прошлый\s+раз|вопрос\s+закрыт)`,
  String.raw`(?:yesterday|last\s+time|вчера)[^.!?]{0,30}(?:answered|spoke|talked|said|объяснил\p{L}*|ответил\p{L}*)`,
  String.raw`call\s+me\s+crazy|i'?ll\s+call\s+back`,
  String.raw`сказал\s+перезвонить|записи\s+разговора`,
];

/** Phrases that mention staff without asking for them ("оператор сказал", "your agent was rude"). */
const MENTIONS: readonly RegExp[] = [
  sequence([
    String.raw`(?<!\p{L})(?:оператор|менеджер|сотрудник|специалист|мастер|агент)\p{L}*\s+`,
    `(?:${alternatives(STAFF_DID)})`,
  ]),
  sequence([
    String.raw`(?<!\p{L})(?:your|the|an?|that)\s+(?:agent|operator|representative|technician|manager|rep)`,
    String.raw`\s+(?:was|said|told|promised|came|did|didn't|couldn't|hung)`,
  ]),
  /(?<!\p{L})(?:как|how)\s+(?:стать|become|to become)\s+/u,
  /(?<!\p{L})(?:позвонить|дозвониться|звонить|написать)\s+(?:\p{L}+\s+)?(?:оператор|в\s+поддержк|специалист)/u,
  /(?<!\p{L})(?:call|phone|ring|email|write to)\s+(?:your\s+|the\s+|an?\s+)?(?:support|operator|agent|helpline)/u,
  /(?<!\p{L})(?:друго\p{L}*|чужо\p{L}*|третье\p{L}*|каждо\p{L}*|одного|на\s+одного)\s+(?:человек|лиц)/u,
  /(?<!\p{L})(?:another|other|each|per|a third)\s+(?:person|people)/u,
  /(?<!\p{L})(?:часы\s+работы|график\s+работы|во\s+сколько\s+работают|what\s+hours|when\s+do\s+your)/u,
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(JOBS)})`, 'u'),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(MOBILE_OPERATOR)})`, 'u'),
  /(?<!\p{L})(?:human[- ]operated|(?:a\s+)?bot\s+or\s+a\s+(?:real\s+)?person|бот\s+или\s+(?:живой\s+)?человек)/u,
  // Saying one does not want a person: "I don't need a human", «оператор не нужен», "don't transfer me".
  alternation(NO_PERSON_WANTED),
  // Work at the company, referrals, how the bot works: «работать оператором», "a colleague recommended you".
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(WORK_AND_REFERRALS)})`, 'u'),
  // A technician's visit is an ordinary request: «выезд специалиста на дом», "someone to install a wall jack".
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(VISIT)})`, 'u'),
  // Staff who already helped, told of in the past: "a real person answered me last time",
  // «живой человек мне вчера всё объяснил».
  alternation(HELPED_BEFORE),
];

export interface HumanRequest {
  readonly matched: boolean;
  /** The words that triggered it, for the agent's view. */
  readonly evidence?: string | undefined;
}

/** True when the customer asks to be served by a person. */
/** All request patterns in one: most messages ask for nobody, and one scan says so. */
const ANY_PATTERN = anyOf(PATTERNS);

/** Word forms the rules look for, so that a typo one letter away («опиратором», "agnet", "huamn") reads as the word. */
const FORMS = [
  ...['оператор', 'человек', 'специалист', 'сотрудник', 'консультант', 'менеджер'].flatMap((stem) => [
    stem,
    `${stem}а`,
    `${stem}у`,
    `${stem}ом`,
    `${stem}ов`,
  ]),
  ...['соедините', 'соедини', 'позовите', 'переключите', 'поговорить'],
  ...['живым', 'живого', 'живой', 'живые', 'живых', 'живая', 'живому'],
  ...['operator', 'human', 'agent', 'person', 'someone', 'somebody'],
  ...['representative', 'supervisor', 'specialist', 'connect', 'transfer'],
];
const FORM_SET = new Set(FORMS);
/** A word longer than this is more than one edit from every form (and its deletions would cost its length squared). */
const LONGEST_FORM = Math.max(...FORMS.map((form) => form.length));
/** The word with each letter dropped in turn. */
const deletions = (word: string) =>
  Array.from({ length: word.length }, (_, index) => word.slice(0, index) + word.slice(index + 1));
/**
 * Every form and each of its one-letter deletions → the forms' positions in FORMS: two words one edit apart share
 * one of these keys, so a word's candidates are found in as many lookups as it has letters.
 */
const FORMS_BY_KEY = new Map<string, number[]>();
FORMS.forEach((form, position) => {
  for (const key of new Set([form, ...deletions(form)]))
    FORMS_BY_KEY.set(key, [...(FORMS_BY_KEY.get(key) ?? []), position]);
});

/** True when one edit (insert, delete, substitute, swap two neighbours) turns `left` into `right`. */
function oneEditApart(left: string, right: string): boolean {
  if (Math.abs(left.length - right.length) > 1 || left === right) return false;
  let start = 0;
  while (start < left.length && left[start] === right[start]) start += 1;
  const rest = (from: string, skip: number) => from.slice(start + skip);
  if (left.length === right.length)
    return (
      rest(left, 1) === rest(right, 1) ||
      (left[start] === right[start + 1] && left[start + 1] === right[start] && rest(left, 2) === rest(right, 2))
    );
  return left.length > right.length ? rest(left, 1) === rest(right, 0) : rest(left, 0) === rest(right, 1);
}

const LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};

/** Latin letters that look Cyrillic inside a Cyrillic word («соеденитe» with a Latin "e") made Cyrillic. */
function foldLookalikes(text: string): string {
  return text.replace(/[\p{L}]+/gu, (word) =>
    /[а-я]/u.test(word) && /[a-z]/.test(word) ? word.replace(/[a-z]/g, (char) => LOOKALIKES[char] ?? char) : word,
  );
}

/** The message with misspelt words of the rules corrected: words of five letters or more, one edit away. */
function correctTypos(text: string): string {
  return foldLookalikes(text).replace(/\p{L}{5,}/gu, (word) => {
    if (FORM_SET.has(word) || word.length > LONGEST_FORM + 1) return word;
    // The first form in FORMS one edit away, as a scan of FORMS would find it.
    let best: number | undefined;
    for (const key of [word, ...deletions(word)]) {
      for (const position of FORMS_BY_KEY.get(key) ?? [])
        if ((best === undefined || position < best) && oneEditApart(word, FORMS[position] as string)) best = position;
    }
    return best === undefined ? word : (FORMS[best] as string);
  });
}

/** The message as the rules read it: normalised, lookalike letters folded, their words' typos corrected. */
const readForRules = rememberLast((text: string) => correctTypos(normalize(text).replace(/\s+/g, ' ').trim()));

/** Whether the message asks for a person, with the words that say so; asked several times per reply, computed once. */
export const detectHumanRequest: (text: string) => HumanRequest = rememberLast((text: string): HumanRequest => {
  const normalized = readForRules(text);
  if (!ANY_PATTERN.test(normalized)) return { matched: false };
  for (const pattern of PATTERNS) {
    const match = pattern.exec(normalized);
    if (match === null) continue;
    const sentence = sentenceAround(normalized, match.index);
    if (
      MENTIONS.some((mention) => mention.test(sentence)) &&
      !/(?<!\p{L})(?:позовите|соедините|переключите|дайте|talk to|speak to|speak with|connect me|transfer me)/u.test(
        sentence,
      )
    )
      continue;
    return { matched: true, evidence: match[0].trim() };
  }
  return { matched: false };
});

/**
 * A word for a person and a word of asking in one sentence («сотрудника пожалуйста», "is there someone I can
 * talk to"): too broad to decide alone ("can I pay with someone else's card?"), a feature for the trained model.
 */
const STRONG_PERSON_WORD = String.raw`(?<!\p{L})(?:${STRONG_PERSON})(?!\p{L})`;
const PERSON_ASKED = alternation([
  String.raw`(?:^|[.!?]\s*)[^.!?]{0,80}?${STRONG_PERSON_WORD}[^.!?]{0,60}?(?:${ASKING})(?:[^.!?]*)(?:[.!?]|$)`,
  String.raw`(?:^|[.!?]\s*)[^.!?]{0,60}?(?:${ASKING})[^.!?]{0,60}?${STRONG_PERSON_WORD}`,
]);

const EN_PERSON_WORD = [
  'human|person|people|agent|operator|representative|rep|someone|somebody|anyone|anybody|staff|supervisor',
  'manager|specialist|assistant|consultant',
];
const PERSON_WORD = new RegExp(
  String.raw`(?<!\p{L})(?:${RU_PERSON}|(?:${alternatives(EN_PERSON_WORD)})(?!\p{L}))`,
  'u',
);
const CONTACT_VERBS = [
  String.raw`связа\p{L}*|свяж\p{L}*|позов\p{L}*|соедин\p{L}*|переключ\p{L}*|перевед\p{L}*|поговор\p{L}*|пообща\p{L}*`,
  String.raw`talk|speak|chat|contact|reach|get hold|connect|transfer|put me through|escalate`,
];
const CONTACT_VERB = new RegExp(String.raw`(?<!\p{L})(?:${alternatives(CONTACT_VERBS)})`, 'u');
const BOT_WORD =
  /(?<!\p{L})(?:бот\p{L}*|робот\p{L}*|автоответчик\p{L}*|bot|robot|machine|ai|chatbot|automated)(?!\p{L})/u;

/**
 * What the hand-written rules see in a message, as features for the trained detector: a request the rules
 * recognise, a word for a person, a verb of reaching someone, a word for the bot, a mention of staff.
 */
export function humanRequestSignals(text: string): string[] {
  const normalized = readForRules(text);
  const signals: string[] = [];
  if (detectHumanRequest(text).matched) signals.push('human:request');
  if (PERSON_ASKED.test(normalized)) signals.push('human:person-asked');
  if (PERSON_WORD.test(normalized)) signals.push('human:person-word');
  if (CONTACT_VERB.test(normalized)) signals.push('human:contact-verb');
  if (BOT_WORD.test(normalized)) signals.push('human:bot-word');
  if (MENTIONS.some((mention) => mention.test(normalized))) signals.push('human:staff-mention');
  return signals;
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('.', index), text.lastIndexOf('!', index), text.lastIndexOf('?', index)) + 1;
  const ends = ['.', '!', '?'].map((mark) => text.indexOf(mark, index)).filter((position) => position !== -1);
  return text.slice(start, ends.length === 0 ? text.length : Math.min(...ends) + 1);
}
