// Words that carry no topic: function words, greetings and chat filler, in Russian and English. Runtime: any.
// Negations («не», "not", «нет») are deliberately kept: "не работает" and "работает" are different problems.

const RUSSIAN = `а без более бы был была были было быть в вам вас ваш ваша ваше ваши во вот все всё всего всех вы
где да даже для до его ее её если есть еще ещё же за здесь и из или им их к как какой какая какие когда кто ли
либо мне меня мной мы на над нам нас наш наша наше наши него нее неё нему ним них но ну о об однако он она они
оно от очень по под после при про с со так также такой там те тем то того тоже той только том ту ты у уже хотя
чего чей чем что чтобы чье чья эта эти это этого этой этом эту я ваc свой своя свои своё свое себе себя сейчас
здравствуйте здравствуй привет приветствую добрый доброе доброго добрая день дня вечер вечера утро утра ночи
подскажите подскажи пожалуйста пожалуста плиз скажите скажи помогите помоги спасибо заранее благодарю
хотел хотела хотелось хочу бы вопрос вопросик такой такая подобный вообще просто типа короче кстати
можно могу можете может ли уважаемые уважаемая уважаемый коллеги ребята девушка
`;

const ENGLISH = `a an the and or but if of to in on at by for with from as is are was were be been being am
do does did doing have has had having i me my mine we us our you your yours he him his she her it its they them
their this that these those there here what which who whom whose when where why how so than too very just also
about into over under again then once all any both each few more most other some such only own same can could
would should will shall may might must let hello hi hey hiya greetings dear team good morning afternoon evening
please pls plz thanks thank thx cheers regards kindly help question wondering wonder wanted want like know
tell quick hoping hope guys folks sir madam ok okay well oh um uh lol im ive id much many per
whats thats get gets got getting
`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  `${RUSSIAN} ${ENGLISH}`.split(/\s+/).filter((word) => word.length > 0),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
