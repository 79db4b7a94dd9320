// The small English lexicon offline talk needs to tell a topic from everything else: the words that are never
// a topic (function words, common verbs in every form, adjectives and adverbs, interjections), the function
// words of the languages people most often write in instead, and English's own, to tell which one a message
// is in. Pure data and lookups; no dictionary, so anything it does not know needs other evidence (topic.ts).

const words = (text: string): string[] => text.trim().split(/\s+/);

/** Pronouns, determiners, prepositions, conjunctions, auxiliaries, quantifiers and the commonest adverbs. */
const FUNCTION_WORDS = words(`
  a an the this that these those some any every each either neither no none all both half several such what
  whatever which whichever who whom whose whoever i me my mine myself you your yours yourself yourselves he
  him his himself she her hers herself it its itself we us our ours ourselves they them their theirs themselves
  one ones someone somebody something anyone anybody anything everyone everybody everything nobody nothing
  about above across after against along amid among around as at before behind below beneath beside besides
  between beyond by despite down during except for from in inside into like near of off on onto out outside
  over past per since than through throughout till to toward towards under underneath unlike until up upon via
  with within without and but or nor so yet because although though unless whereas while whether if then else
  otherwise however therefore thus hence also too very really quite rather pretty just only even still already
  again always never ever often sometimes usually maybe perhaps probably certainly surely actually basically
  literally totally simply almost nearly mostly enough much more most less least many few lots lot bit kind
  sort stuff thing things way ways here there where when why how now today tonight tomorrow yesterday soon later
  once twice ago away back yes yeah yep nope not okay ok alright right left else instead anyway anyhow somehow
  somewhere anywhere everywhere nowhere am is are was were be been being do does did done doing have has had
  having will would shall should can could may might must ought need needs dare gonna wanna gotta lemme dunno
  cannot isnt arent wasnt werent dont doesnt didnt wont wouldnt cant couldnt shouldnt hasnt havent hadnt im ive
  id ill youre youve youd youll hes shes its weve were theyre theyve thats theres heres whats wheres whos hows
  lets please thanks thank sure another
  time times day days week weeks year years today's people guy guys man folks friend friends buddy pal mate
`);

/**
 * Common verbs, in their base form; every form of them is known (verbForms). Some are nouns too ("a check"),
 * but a reply built around one of them reads wrong far more often than right.
 */
const VERBS = words(`
  accept add agree allow answer appear apply argue ask attach avoid become begin believe belong blame borrow
  bother break bring build buy call care carry catch cause change check choose clean clear click close come
  compare compile complain configure consider continue copy cost count crash create cry cut decide delete depend
  describe deserve destroy die dig disable do download drink drive drop eat edit enable end enjoy enter escape
  expect explain fail fall feel fetch fight figure fill find finish fit fix fly follow forget forgive format get
  give go grab grow guess handle hang happen hate have hear help hide hit hold hope hurry hurt ignore imagine
  implement import improve include install introduce invite join jump keep kill knock know land laugh lead learn
  leave let lie like listen live load lock look lose love make manage mean meet mention merge mind miss move
  need notice obey offer open own paste pay pick place plan play point prefer prepare pretend print promise
  prove pull push put reach read realise realize receive recommend reload remember remind remove rename repeat
  replace reply report reset restart retry return revert review rewrite ride ring rise rollback roll run save
  say scroll search see seem sell send set settle shake share shout show shut sign sing sit skip sleep slide
  smell solve sort speak spend split stand start stay steal stick stop study submit suggest support suppose
  swim switch take talk teach tell thank think throw touch track trigger trust try turn type understand undo
  unlock update upgrade upload use vote wait wake walk want warn wash waste watch wear win wish wonder work
  worry write yell
`);

/** Past forms that do not follow the rules. */
const IRREGULAR_FORMS = words(`
  ate awoke became began begun bent bit bitten bled blew blown bought brought built burnt caught chose chosen
  clung crept dealt did drew drawn drank drunk drove driven dug eaten fed fell fallen felt fled flew flown fought
  forgave forgiven forgot forgotten found froze frozen gave given gone got gotten grew grown hid hidden held heard
  hung hurt kept knew known laid lay led lent lost made meant met paid quit ran rang rode ridden rose risen said
  sang sung sank sat saw seen sent set shook shaken shone shot shown shut slept slid sold sought spent spoke spoken
  spun stood stole stolen struck stuck swam swept swore swung taught thought threw thrown told took taken tore
  torn understood undid undone went woke woken won wore worn wove wrote written
`);

/** Adjectives and adverbs people say to the buddy, and the noises they make. */
const DESCRIBING_WORDS = words(`
  first second third last next other same different own whole new old able afraid alive alone amazing angry annoyed anxious aware awake awesome awful bad beautiful best better big
  bigger biggest bizarre boring brave brief bright brilliant busy calm careful certain cheap clean clear clever
  close cold common complete complex cool correct crazy curious cute dark dead dear deep difficult dirty done
  double easy empty entire equal even evil exact excellent excited exciting expensive extra fair fake false
  familiar famous fancy fantastic far fast fat fine flat free fresh friendly full funny general gentle giant glad
  good gorgeous grand great green grumpy handy happy hard healthy heavy helpful high hot huge hungry ill important
  impossible interesting kind large late lazy legit light likely little live lonely long loose loud lovely low
  lucky mad main major massive mean messy mighty minor modern naughty neat nervous nice noisy normal obvious odd
  official open optional ordinary original perfect plain pleasant polite poor popular possible pretty previous
  private proper proud public pure quick quiet random rare ready real recent red regular relevant responsible rich
  rough rude sad safe scary serious sharp short shy sick silly similar simple single slow small smart soft solid
  sorry special stable steady strange strict strong stupid sudden super sweet tall terrible thick thin tidy tiny
  tired tough true ugly unclear unhappy unknown unusual upset useful useless usual valid weak weird well wet
  whole wide wild wise wonderful worried worse worst wrong young hmm hm hmmm huh uh um umm er erm oh ooh oops ow
  ouch ah aah aha eh meh wow yay yo hey hi hello bye lol lmao rofl omg wtf fyi btw tbh imo imho asap idk brb
  pls plz thx ty ugh argh sigh whoa woah haha hehe yikes welp dang damn heck
`);

/**
 * Function words of the languages people most often write in instead of English (French, German, Spanish,
 * Italian, Portuguese, Dutch), without the ones that are English words too ("die", "come", "pour").
 */
const FOREIGN_FUNCTION_WORDS = words(`
  le la les un une des du de en est et je tu il elle nous vous ils elles pas ne que qui quoi pourquoi comment ça cette avec
  dans mais très oui c'est j'ai n'est ton ta tes mon ma mes va vais suis sommes êtes sont être avoir aussi
  encore toujours rien tout peux veux quel quelle merci bonjour bonsoir salut coucou
  der das und ist nicht ich du er wir ihr ein eine einen mit für auf zu warum wie wer wo nein danke bitte sehr aber
  dein deine mein meine geht heute schon noch auch kann bist haben sind gibt jetzt hallo gut
  el los las una es y por qué cómo como está estás muy pero sí gracias hola para tengo eres soy esto eso porque
  también bueno nada mucho
  lo gli della che è perché sono molto grazie ciao sei non questo quello anche tutto cosa
  os uma é não você obrigado obrigada olá muito mas isso isto tudo bem sim estou meu seu
  het een niet ik jij wij zijn maar waarom hoe wat hoi dank bedankt goed ook nog heb ben
`);

/** English function words that other languages do not share: what tells an English message apart. */
const ENGLISH_MARKERS = words(`
  the is are and of to it this that you your my i what why how with for not be have has do does can will just
  we they i'm it's don't can't isn't doesn't won't should would could been were there their
`);

const FUNCTION_SET = new Set(FUNCTION_WORDS);
const DESCRIBING_SET = new Set(DESCRIBING_WORDS);
const FOREIGN_SET = new Set(FOREIGN_FUNCTION_WORDS);
const ENGLISH_SET = new Set(ENGLISH_MARKERS);

const CONSONANT_END = /[bcdfghjklmnpqrstvwxz]$/;

/** Every regular form of a verb: follow, follows, followed, following; fix, fixes; stop, stopped; try, tries. */
function verbForms(base: string): string[] {
  const forms = [base, `${base}s`, `${base}es`, `${base}ed`, `${base}d`, `${base}ing`];
  if (base.endsWith('e')) forms.push(`${base.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(base)) forms.push(`${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`);
  // A short final syllable doubles its consonant: stop, stopped; commit, committed; run, running.
  if (CONSONANT_END.test(base) && /[aeiou][bdgklmnprt]$/.test(base) && !/[aeiou]{2}[bdgklmnprt]$/.test(base)) {
    const last = base.charAt(base.length - 1);
    forms.push(`${base}${last}ed`, `${base}${last}ing`);
  }
  return forms;
}

const VERB_SET = new Set([...VERBS.flatMap(verbForms), ...IRREGULAR_FORMS]);

/** A word that is never the subject of a message: a function word, a verb in any form, an adjective or adverb, a noise. */
export function isNeverTopic(lower: string): boolean {
  return FUNCTION_SET.has(lower) || VERB_SET.has(lower) || DESCRIBING_SET.has(lower);
}

export function isDescribingWord(lower: string): boolean {
  return DESCRIBING_SET.has(lower);
}

export function isForeignFunctionWord(lower: string): boolean {
  return FOREIGN_SET.has(lower);
}

export function isEnglishMarker(lower: string): boolean {
  return ENGLISH_SET.has(lower);
}
