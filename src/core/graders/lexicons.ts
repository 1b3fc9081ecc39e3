// Word lists for the graders and detectors: profanity, insults, rudeness and politeness markers (RU/EN).
// Stems are matched at word starts on normalised text (ё → е, lower case). Runtime: any.

/** Obscene and vulgar stems. */
export const PROFANITY: readonly string[] = [
  ['ху[йеияюё]', 'охуе', 'нахуй', 'нихуя', 'пизд', 'бля', 'блять', 'бляд', 'еба', 'ебу', 'ебл', 'ебн', 'еби'],
  ['ебет', 'заеб', 'доеб', 'выеб', 'уеб', 'съеб', 'наеб', 'поеб', 'проеб', 'разъеб', 'долбоеб', 'долбаеб'],
  ['сука', 'суки', 'сучк', 'сучар', 'мудак', 'мудил', 'мудо', 'гандон', 'гондон', 'пидор', 'пидар', 'пидр', 'педик'],
  ['шлюх', 'шалав', 'говн', 'дерьм', 'жоп', 'срать', 'сран', 'засран', 'ссать', 'хер', 'нахер', 'хрен', 'очко'],
  // Obscene roots behind the usual prefixes («похуй», «ахуеть», «нихера», «спиздил», «вьебал»), and abbreviations.
  ['(?:по|на|ни|а|о|от|за|до|вы|при|рас|раз|с|у|не)ху[йеёияю]', '\\p{L}*пи?зд', 'пздц'],
  ['(?:за|до|вы|у|съ|на|по|про|раз|от|въ|вь|при|долб[ао]|далб[ао])[её]б', '(?:ни|по|о)хер'],
  ['хули(?![\\p{L}])', 'нах(?![\\p{L}])', 'бл(?![\\p{L}])', 'сцук', 'курва', 'выбл[яю]д'],
  ['нахрен', 'нахер', 'похер', 'пофиг', 'насрат', 'насрал', 'поссал', 'обоссан', 'сос[её]т', 'отсос'],
  ['насосал', 'пездат', 'пиздат', 'трах', 'хз', 'дрочи', 'жопошн', 'сраный', 'сраная', 'херн', 'херов'],
  ['fuck', 'fck', 'f\\*ck', 'shit', 'bullshit', 'sh\\*t', 'ass(?:es|hole|holes)?(?![\\p{L}])'],
  ['arse(?![\\p{L}])', 'bitch', 'bastard', 'damn', 'dammit', 'crap', 'dick(?![\\p{L}])'],
  ['dicks', 'cock(?![\\p{L}r])', 'cunt', 'piss', 'pussy', 'wtf', 'motherf', 'bloody'],
  ['hell(?![\\p{L}])', 'goddamn', 'twat', 'wank', 'bollocks', 'slut', 'whore', 'fag'],
].flat();

/** Insults and contemptuous words aimed at people. */
export const INSULTS: readonly string[] = [
  ['идиот', 'дебил', 'кретин', 'дурак', 'дура ', 'дуры', 'дурн', 'тупой', 'тупая', 'тупые', 'тупиц', 'тупорыл'],
  ['придур', 'урод', 'уебок', 'тварь', 'твари', 'мраз', 'сволоч', 'скотин', 'скот ', 'быдло', 'козел', 'козлы'],
  ['козл', 'баран', 'овца', 'осел', 'ублюд', 'подонок', 'подонк', 'негодя', 'мерзав', 'гад ', 'гады', 'чмо', 'лох'],
  ['лошар', 'шизик', 'даун', 'олух', 'болван', 'ничтожеств', 'отстой', 'жулик', 'мошенник', 'ворюг', 'вор '],
  ['воры', 'обманщик', 'клоун', 'позорищ', 'холоп', 'шакал', 'свинья', 'свиньи', 'падла', 'паскуд', 'выродок'],
  ['сук(?:а|и|у|ой|ам|ами)?(?![\\p{L}])', 'твар(?:ь|и|ей|ям|ями|юг)', 'пиндос', 'хохол'],
  ['чмыр', 'дур(?:а|у|ой|ы|очк\\p{L}*)(?![\\p{L}])', 'туп(?:ых|ую|ое|ым|ыми|омозг)', 'гадин'],
  ['дрян', 'быдл', 'прошмандов', 'падон', 'жид(?![\\p{L}])', 'жидяр', 'либераст', 'либерах'],
  ['петух', 'петуш', 'дибил', 'дэбил', 'шизофреник', 'шизоид', 'шиз', 'пидр', 'пид\\)р', 'ниггер'],
  ['негр(?!амот)', 'чурк', 'хохл', 'рашк', 'гнида', 'гниды', 'падаль', 'сволота', 'зараза'],
  ['гадость', 'мерзост', 'вонюч', 'безмозгл', 'скудоум', 'недоумок', 'недоумк', 'убог', 'никчемн'],
  ['бестолоч', 'докопал', 'оторвать', 'оторву', 'дуй отсюда', 'заткнись', 'зачатки интеллекта'],
  ['idiot', 'moron', 'stupid', 'dumb', 'retard', 'imbecile', 'fool', 'loser', 'jerk', 'scum', 'pig(?![\\p{L}])'],
  ['pigs', 'clown', 'pathetic', 'useless', 'incompetent', 'disgusting', 'trash', 'garbage', 'rubbish', 'worthless'],
  ['ignorant', 'douche', 'creep', 'freak', 'dipshit', 'dumbass', 'nitwit', 'liar', 'thief', 'scammer', 'sucks', 'suck'],
  ['knucklehead', 'coward', 'braindead', 'brain dead', 'commie', 'mental disorder', 'hypocrit'],
  ['slimy', 'nigger', 'nigga', 'stink', 'dung', 'farce', 'darn', 'bums', 'sht', 'stooge', 'idiocy'],
  ['idiotic', 'butt(?![\\p{L}])', 'butts', 'screwed', 'balls', 'sexy', 'lovehole', 'crazy', 'insane'],
  ['lunatic', 'nuts', 'psycho', 'stupidity', 'dumbest', 'morons', 'kill', 'shut up', 'ugly', 'lame'],
  ['losers', 'clueless', 'buffoon', 'twit(?![\\p{L}])', 'pervert', 'nazi', 'fascist', 'traitor'],
  ['thug', 'savage', 'filth', 'bigot', 'racist', 'troll', 'snowflake', 'libtard', 'crook', 'hypocrite'],
].flat();

/** Threats and calls for violence. */
export const VIOLENCE: readonly string[] = [
  ['убить (?:его|её|ее|их|тебя|вас|всех|таких|этих)', 'убью', 'убивать (?:таких|их|всех)', 'прибью', 'расстрел'],
  ['стрелять', 'отстрел', 'повесить (?:его|её|ее|их|всех)', 'кастрир', 'на кол', 'закопать', 'закопаю'],
  ['kill (?:you|him|her|them)', "i'll kill", 'shoot (?:you|him|her|them)', 'hang (?:him|her|them)'],
].flat();

/** Condescension, blame and dismissal in a support reply. */
export const CONDESCENSION: readonly string[] = [
  ['вы сами виноват', 'сами виноват', 'надо было', 'нужно было раньше', 'как я уже (?:сказал|писал|говорил)'],
  ['читайте внимательн', 'очевидно же', 'это же очевидно', 'элементарно', 'не мои проблемы'],
  ['не наша проблема', 'ваши проблемы', 'разбирайтесь сами', 'ищите сами', 'погуглите', 'сами найдите'],
  ['you should have', 'as i already (?:said|told|explained)', 'obviously', 'clearly you'],
  ['read the (?:manual|instructions)', 'not my problem', 'not our problem', 'your problem', 'figure it out'],
  ['google it', 'look it up yourself', 'whatever', 'calm down', 'it is your fault', "it's your fault", 'you failed to'],
].flat();

/** Markers of politeness (Brown & Levinson's positive and negative strategies, as in the Stanford politeness work). */
export const GRATITUDE = ['спасибо', 'благодар', 'thank', 'thanks', 'thx', 'appreciate', 'grateful'] as const;
export const PLEASE = ['пожалуйста', 'будьте добры', 'будьте любезны', 'please', 'kindly', 'pls'] as const;
export const APOLOGY: readonly string[] = [
  ['извин', 'прости(?!тут)', 'простите', 'сожале', 'приношу извинения'],
  ['sorry', 'apolog', 'excuse me', 'pardon', 'regret'],
].flat();
export const GREETING: readonly string[] = [
  ['здравствуй', 'добрый день', 'добрый вечер', 'доброе утро', 'привет', 'приветствую'],
  ['hello', 'hi ', 'hi,', 'hey', 'good morning', 'good afternoon', 'good evening', 'dear'],
].flat();
export const HEDGES: readonly string[] = [
  ['могли бы', 'не могли бы', 'не могли', 'можно ли', 'подскажите', 'если (?:вам )?не сложно', 'если можно'],
  ['возможно', 'пожалуй', 'кажется', 'по-моему'],
  ['could you', 'would you', 'would it', 'could it', 'might', 'perhaps', 'maybe', 'possibly', 'i think', 'i believe'],
  ['i suppose', 'i wonder', 'would you mind', "if you (?:can|could|don't mind)", 'do you think', 'is it possible'],
  ['kind of', 'sort of', 'seems', 'a bit', 'just wondering'],
].flat();
export const PRAISE: readonly string[] = [
  ['отлично', 'прекрасно', 'замечательно', 'хороший вопрос', 'великолепн', 'молодец'],
  ['great', 'good job', 'nice', 'excellent', 'awesome', 'wonderful', 'good question'],
  ['well done', 'cool', 'love', 'brilliant', 'helpful', 'interesting'],
].flat();
export const DIRECT_QUESTION: readonly string[] = [
  ['почему вы', 'зачем вы', 'why did you', 'why would you', 'why are you'],
  ['why do you', 'what is your problem', 'what the', 'who do you think', 'how dare'],
].flat();
export const NEGATIVE_WORDS: readonly string[] = [
  ['ужасн', 'отвратит', 'кошмар', 'бред', 'чушь', 'ерунд', 'глуп', 'неправ'],
  ['wrong', 'bad', 'terrible', 'horrible', 'awful', 'nonsense', 'ridiculous', 'absurd', 'silly', 'hate', 'annoying'],
  ['lazy', 'no one', 'nobody cares', 'shut up'],
  ['заткн', 'отвали', 'отстань', 'пошел', 'пошла', 'пошли вон', 'убирайся', 'get lost', 'go away'],
].flat();

/** Insisting on facts ("actually", "in fact") reads as correcting the other person. */
export const FACTUALITY: readonly string[] = [
  ['на самом деле', 'вообще-то', 'actually', 'in fact'],
  ['the fact is', 'the point is', 'the reality is', 'really\\?'],
].flat();
/** Rhetorical negative questions and "thanks, but": reproach dressed as a question or a thank-you. */
export const REPROACH: readonly string[] = [
  ["aren't you", "don't you", "didn't you", "can't you", "won't you", "haven't you", "isn't it obvious", 'did you not'],
  ['do you not', 'did you even', 'did you bother', 'excuse me\\?', 'i asked you', 'thanks,? but', 'thank you,? but'],
  ['разве вы не', 'вы что,', 'вы вообще', 'неужели так сложно'],
  ['вам (?:трудно|сложно)', 'я же (?:спросил|писал|просил)', 'спасибо,? но'],
].flat();
/** Softening asides and inclusive "we". */
export const INDIRECT = ['кстати', 'by the way', 'btw', "let's", 'давайте'] as const;

export function stemsPattern(stems: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.join('|')})`, 'gu');
}
