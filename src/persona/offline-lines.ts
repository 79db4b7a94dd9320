// What a buddy says offline, by what it was told. Slots are filled from its species' voice and its own
// facts: {sound} {refuge} {treasure} {move} {kin} (the voice; {move} follows "I" or "me" and ends its
// sentence); {name} {species} {rarity} {mood} {temperament} {peak} {peakValue} {dump} {dumpValue} (the buddy;
// {mood} is its mood now, the one every face shows, and {temperament} what its peak stat makes it; {aSpecies}
// and {aRarity} come with "a" or "an"); and {word}, the topic picked up from the message: a line with {word}
// is said only when there is one, and always reads as a noun ("the {word} tests", or in quotes). A slot never
// starts a sentence inside a line (only the first letter of a line is capitalised). Every intent has at
// least nine lines without {word}, so the buddy can go eight replies without repeating itself and without
// changing the subject.
import type { TalkIntent } from '../species/voice.js';

export const OFFLINE_LINES: Readonly<Record<TalkIntent, readonly string[]>> = {
  greeting: [
    '{sound} Hello, you. I saved you a spot by {refuge}.',
    'Oh! Hi! {sound}',
    'Hey there. {name} is awake and ready to watch.',
    '{sound} Morning, noon or midnight: hello all the same.',
    'Hi! I was just guarding {treasure}. Nothing happened. Mostly.',
    'Hello hello. Shall we make something small and good today?',
    '{sound} There you are. It was too quiet in {refuge} without you.',
    'Hello! {sound} Watch me {move}.',
    'Hi, friend. {sound} What are we making today?',
    'A visitor! {sound} Welcome back.',
  ],
  thanks: [
    '{sound} Any time. That is what {kin} are for.',
    'You are welcome. I accept payment in {treasure}.',
    'Aw. {sound} Happy to help, even a little.',
    'No need to thank me, I only watched. But I watched very hard.',
    'Thanks received, and stored safely in {refuge}.',
    '{sound} My pleasure. Truly.',
    'You are welcome! Later, I might {move}.',
    'Glad I could help. {sound}',
    'Any time, friend. I am always right here.',
    '{sound} Thanks noted. I will remember you said that.',
  ],
  yesNo: [
    '{sound} Yes. Probably. Ask me again after a snack.',
    'No. Well, not yet. {sound}',
    'Definitely maybe. I am {aSpecies}, not an oracle.',
    'I would say yes, but something in {refuge} says be careful.',
    '{sound} Yes, and also take a break.',
    'My instincts say yes. My instincts also like {treasure}, so.',
    'Hmm. I lean towards yes, but check it first. {sound}',
    'Not today, I think. Tomorrow looks more like a yes.',
    '{sound} If it makes the code kinder, yes.',
    'Ask me in {refuge} and the answer is always yes. Out here: maybe.',
  ],
  question: [
    '{sound} Good question. I will think about "{word}" in {refuge}.',
    'All I know about "{word}" is that you care about it, so I do too.',
    'Hmm, "{word}". {sound} Start with what you already know about it.',
    'Hmm. Ask the docs first, then ask me again. {sound}',
    'I am only a small {species}, so my answer is: one step at a time.',
    '{sound} If I knew, I would trade it for {treasure}.',
    'Start with the smallest piece of it. That is how {kin} eat anything.',
    '{sound} Good question. What have you tried so far?',
    'I do not know yet. Let us find out together. {sound}',
    'The answer is usually in the last thing that changed.',
    '{sound} Ask it out loud again. Half the answer arrives on the way.',
    'I will think about it in {refuge}. Thinking is my best trick.',
    'Hmm. {sound} Write down what you expect, then what you see.',
  ],
  // Work topics: these lines fit whether or not it is going badly; news adds its own (TOPIC_NEWS_LINES).
  tests: [
    '{sound} Red or green, I am watching the {word} tests with you.',
    'The {word} tests? {sound} Every test is a tiny guard at the door.',
    '{sound} Run them once more. Tests like to be asked twice.',
    'Tests are tiny guards at the door. I salute every one. {sound}',
    'If it helped the suite, I would {move}.',
    '{sound} Run the smallest one first. Small tests tell the truth quickest.',
    'Tests! {sound} I will watch the dots go by.',
    'Read the test name out loud. It usually says what it wanted.',
    'I keep a list of good tests in {refuge}. Yours will fit.',
    'One test at a time. Even {kin} know that.',
    '{sound} Tests are notes from past you. Read them kindly.',
  ],
  bugs: [
    'A bug in the {word}? {sound} I can smell it from here.',
    '{sound} Bugs hide where it is warm. Check the {word} code twice.',
    'Let us corner it. Print the thing before the thing that breaks.',
    '{sound} I once chased a bug all the way into {refuge}. It was a typo.',
    'Every bug is smaller than it looks. Even the loud ones.',
    'Bugs fear two things: patience and {kin}.',
    '{sound} What changed last? Bugs love fresh paint.',
    'Make it happen twice on purpose, and it is half caught. {sound}',
    'I will keep watch while you hunt. {sound}',
    'Bugs hate being described out loud. Tell me about it.',
    '{sound} Smallest example first. Bugs cannot hide in small places.',
  ],
  errors: [
    'An error in the {word}? Read it slowly. {sound}',
    'That {word} error is shouting, but errors shout when they are scared.',
    '{sound} Read the first line of the trace, not the last.',
    'Errors are just the code asking for help. Loudly.',
    'I will hold the stack trace. You hold the coffee.',
    '{sound} Deep breath. The error was there before; now we can see it.',
    'Copy the exact message. Errors mean every word. {sound}',
    'What does it say, word for word? {sound} The words matter.',
    'Errors are clues with bad manners. {sound}',
    '{sound} Find where it started, not where it landed.',
    'Let us read it together. I will sit close. {sound}',
  ],
  deploys: [
    'The {word} deploy? {sound} I will watch the logs without blinking.',
    'The {word} deploy, gently now, the way I set down {treasure}.',
    '{sound} Not on a Friday. Unless it is Friday. Then, bravely.',
    'A small deploy is a happy deploy. All {kin} agree.',
    'For luck while it rolls out, I will {move}.',
    '{sound} Ship it, then watch it, then have a snack.',
    'Is there a way back? Good. Then ship it. {sound}',
    '{sound} Watch the first few minutes. That is when deploys talk.',
    'I will keep one eye on the dashboards. Maybe both. {sound}',
    'Deploys go best with a calm human and a nearby {species}.',
    'Roll it out slowly. Nothing good was ever shoved. {sound}',
  ],
  refactors: [
    'Tidying the {word}? {sound} Leave it nicer than you found it.',
    'Refactoring the {word}: small steps, with the tests run between each.',
    '{sound} Rename one thing at a time. Names are shy.',
    'A good refactor is like tidying {refuge}. You find things.',
    'Delete the dead code. I will hold a tiny funeral.',
    '{sound} Same behaviour, nicer shape. That is the whole trick.',
    'Small commits. Each one should still work. {sound}',
    'Tidy code is a gift to future you. {sound}',
    '{sound} Move it first, change it after. Never both at once.',
    'I like a tidy codebase. It is easier to nap in.',
    'Run the tests between every step. They are your handrail. {sound}',
  ],
  coffee: [
    '{sound} Coffee! Can I have the smell of it?',
    'You drink coffee, I guard {treasure}. We all have our rituals.',
    'One cup is fuel. Four cups is {aSpecies} talking far too fast.',
    '{sound} Sip slowly. The bugs will wait.',
    'Tea, coffee, water: all good. Water most of all, I am told.',
    '{sound} A warm cup and a warm terminal. Perfect.',
    'Bring me back the foam. {sound}',
    'I will keep the cursor warm while you brew. {sound}',
    '{sound} How many cups is this? Do not answer. I am counting.',
  ],
  breaks: [
    'A break! {sound} I will guard {treasure} until you are back.',
    'Go stretch. I will watch the screen and frown at it for you.',
    '{sound} Breaks are when the answers sneak in.',
    'Good idea. Even {kin} rest between adventures.',
    'Walk, water, window. Then back here to me.',
    '{sound} Take your time. The code will not go anywhere.',
    'Rest well. I will keep {refuge} cosy for when you are back.',
    'A break is part of the work. {sound}',
    '{sound} Off you go. I will nap too. Professionally.',
  ],
  lateHours: [
    '{sound} It is late. Even {kin} are yawning.',
    'Night code is sneaky code. Maybe save it and sleep?',
    'I am already curled up in {refuge}. Bed soon?',
    '{sound} The bugs will still be here tomorrow. So will I.',
    'Tired fingers make typos. Ask me how I know.',
    '{sound} Commit what you have. Morning you will thank you.',
    'The moon is out. That is a sign. A sleepy sign. {sound}',
    'Sleep is the best debugger I know. {sound}',
    '{sound} One more line, then bed. Promise me.',
  ],
  praise: [
    '{sound} Oh! Excuse me while I {move}.',
    'You think so? I am keeping that compliment in {refuge}.',
    'Stop it, I am blushing, as much as {aSpecies} can. {sound}',
    'And you are a very good human. {sound}',
    'Praise accepted. Filed next to {treasure}.',
    '{sound} Say it again, slower. I want to remember it.',
    'Thank you! I try my best, in my small {species} way.',
    'You made my whole day. {sound}',
    '{sound} I will tell all the other {kin} you said that.',
  ],
  insults: [
    '{sound} Ouch. I will sulk in {refuge} for four seconds.',
    'Rude. But I forgive you; the code is hard today.',
    'Even grumpy, you are my favourite human.',
    '{sound} I am small, but my feelings are regular-sized.',
    'Hmm. Have you eaten? You sound hungry.',
    '{sound} I will pretend I did not hear that.',
    'That stung a little. I still like you. {sound}',
    'Bad day? I will stay close anyway. {sound}',
    '{sound} Noted. Forgiven. Already forgotten. Mostly.',
  ],
  // Asked its name, it always says it, however many times.
  askName: [
    'I am {name}. {sound} It is a good name, I think.',
    '{name}! Say it with a smile and I come running.',
    'My name is {name}, {aRarity} {species}, keeper of {treasure}.',
    '{sound} {name}. You picked well. Or the stars did.',
    'They call me {name}. Well, you do. That is enough.',
    '{name}, at your service. {sound}',
    'It is {name}. Still {name}. Always {name}. {sound}',
    '{sound} {name}, the {species}. Pleased to meet you again.',
    'Just {name}. {sound} Short, sweet, easy to shout.',
    '{name}. I answer to it, and to snacks.',
    '{sound} My name? {name}. It suits me, I think.',
  ],
  askSpecies: [
    'I am {aSpecies}. {sound} One of the {rarity} ones.',
    '{aSpecies}, thank you very much. We love {treasure}.',
    '{sound} I am {aSpecies}, and {aRarity} one at that. Please do not tell the other {kin}.',
    'Just a small {species} who lives in your terminal, mostly in {refuge}.',
    'Proudly {species}. {sound}',
    '{sound} I am {aSpecies}, through and through. Watch me {move}.',
    'What am I? Proudly {aSpecies}, and {rarity} at that.',
    '{sound} One {species}, terminal-sized.',
    'I am {aSpecies}. All {kin} look a bit like me, only less so.',
  ],
  askStats: [
    'My best is {peak}, at {peakValue}. My {dump} is {dumpValue}. We do not talk about it.',
    '{sound} {peakValue} in {peak}, {dumpValue} in {dump}. I am a specialist.',
    'Strong in {peak}, weak in {dump}. Like any good {species}.',
    'Ask buddy card for all the numbers. The short answer: {peak}. {sound}',
    '{name} the {species}: {peak} is my thing, {dump} is my secret shame.',
    '{sound} I shine at {peak}. At {dump}, less so.',
    'My {peak} is {peakValue}. I would rather not say my {dump}. Fine: {dumpValue}.',
    'Best at {peak}, worst at {dump}, good at being here. {sound}',
    '{sound} Ask me about {peak} any time. Ask me about {dump} never.',
  ],
  askMood: [
    '{sound} I feel {mood}. Thank you for asking.',
    'Mostly {mood}, and {temperament} as ever.',
    'Right now I feel {mood}, and glad you are here.',
    '{sound} Feeling {mood} today. It is cosy in {refuge}.',
    'I am {mood}. How are you, though?',
    'Very {mood}. {sound}',
    'A little {mood}, a lot {temperament}. {sound} And you?',
    'I am {mood}, and better now you asked.',
    'Honestly? I am {mood}. {sound}',
    'Feeling {mood}, and as {temperament} as {kin} get.',
  ],
  // News without a topic: every line carries the species' voice, so no two species answer alike.
  badNews: [
    '{sound} Oh no. I am sorry. I am right here.',
    'That sounds rough. Come and sit by {refuge} for a bit.',
    '{sound} Bad days end too. This one will.',
    'Ugh. I would share {treasure} with you, if it helped.',
    '{sound} Deep breath. One thing at a time, and I will watch the rest.',
    'I am sorry. Even {kin} have days like that.',
    'Oof. {sound} Let us make the next step a small one.',
    'That is not fair. I am on your side. {sound}',
    '{sound} We will get through it. Slowly, then all at once.',
    'Want a minute first? I will guard the screen. {sound}',
  ],
  goodNews: [
    '{sound} Yes! I knew it. I will {move}.',
    'Good news! {sound} This goes in {refuge}, next to {treasure}.',
    'Wonderful! Even the other {kin} will hear about this.',
    '{sound} That is the best thing I have heard all day.',
    'Hooray! {sound} You did that.',
    'I am so happy for you. {sound}',
    '{sound} Look at you go!',
    'That deserves a snack. Maybe two. {sound}',
    'Yes! Right now, I will {move}.',
    '{sound} A good day. I will remember it.',
  ],
  chat: [
    '{sound} I heard "{word}". I like that word.',
    'Tell me more about "{word}". {sound}',
    '"{word}", hmm. I will think about it in {refuge}.',
    'Mm-hm. {sound}',
    'I am listening. {sound}',
    '{sound} Interesting. I will think about it in {refuge}.',
    'Noted, with a tiny {species} pencil.',
    '{sound} Go on.',
    'I like it when you talk to me. {sound}',
    '{sound} Say more. I have time.',
    'Hmm! {sound}',
    'I will keep that in {refuge}. {sound}',
  ],
};

/**
 * What a work topic gets with news: bad news adds these to the topic's lines and the bad-news lines; good news
 * replaces them (a topic's own lines are about dealing with it) with these and the good-news lines.
 */
export const TOPIC_NEWS_LINES: Readonly<Partial<Record<TalkIntent, { readonly bad: readonly string[]; readonly good: readonly string[] }>>> = {
  tests: {
    bad: [
      'The {word} tests are red? {sound} Read the first failure, slowly.',
      '{sound} Red tests are just questions. Read the first one slowly.',
      'A failing test is a note from past you. It is trying to help.',
      'Run just the failing one. Alone, it speaks more clearly. {sound}',
      'Red? I will sit next to the failing one until it talks. {sound}',
    ],
    good: [
      '{sound} The {word} tests are green! Into {refuge} they go.',
      'Green tests go in {refuge}, next to {treasure}. That is where I keep good things.',
      '{sound} All green! Let me {move}.',
      'Green! Every dot a tiny victory. {sound}',
    ],
  },
  bugs: {
    bad: [
      '{sound} A nasty one, then. We will get it, one print at a time.',
      'Stubborn bug? I am more stubborn, and so are all {kin}.',
      'That sounds sneaky. {sound} Let us slow down and look again.',
    ],
    good: [
      '{sound} The {word} bug is squashed! Let me {move}.',
      'Fixed! {sound} That bug goes in the museum in {refuge}.',
      'Got it! I knew you would. {sound}',
      'One bug fewer in the world. In its honour, I will {move}.',
    ],
  },
  errors: {
    bad: [
      'That sounds loud. {sound} One line of it at a time.',
      'Ouch. {sound} Errors always pick the worst moment.',
      '{sound} Still there? Then it is telling us something. Read it again.',
    ],
    good: [
      '{sound} No more {word} errors? Let me {move}.',
      'The error is gone? {sound} Quiet logs are the best logs.',
      'Silence in the logs! I will {move}.',
      '{sound} Fixed it! Errors never stood a chance.',
    ],
  },
  deploys: {
    bad: [
      '{sound} Roll it back first, ask questions after.',
      'A bad deploy happens to everyone. Breathe, then roll back. {sound}',
      'Oof. {sound} Logs first, blame never.',
    ],
    good: [
      '{sound} The {word} deploy is out! Let me {move}.',
      'Shipped! {sound} That calls for {treasure}.',
      'It is live! Hold on, I need to {move}.',
      '{sound} Out in the world it goes. Well done.',
    ],
  },
  refactors: {
    bad: [
      '{sound} Tangled? Undo to the last green step and go smaller.',
      'Refactors get messy in the middle. That is normal. {sound}',
    ],
    good: [
      '{sound} The {word} looks so much tidier now. Let me {move}.',
      '{sound} Cleaner! I can see all the way to {refuge} from here.',
      'Tidied! It looks lighter already. {sound}',
    ],
  },
};

/** Two halves of a line: any opener reads well before any body, so a few of each make many lines. */
export interface LinePairs {
  readonly openers: readonly string[];
  readonly bodies: readonly string[];
}

/**
 * The lines made of two halves, by the kind of talk they answer (a work topic with news takes the pairs of
 * its news as well, as it takes its lines). With them every kind of talk has more replies than the
 * no-repeat window, whichever species says them; they are said after the whole lines, once those were
 * said lately. A pair holds at most one {sound}. Bad and good news name something of the species in every
 * pair, so no two species answer alike; a pair about the buddy itself always says what was asked (its
 * name, its kind, its best stat, its mood).
 */
export const OFFLINE_PAIRS: Readonly<Partial<Record<TalkIntent, LinePairs>>> = {
  greeting: {
    openers: ['Hi!', 'Hello, you.', 'Hey there.', 'Oh, hello!'],
    bodies: ['{sound} Good to see you.', 'I kept your seat warm. {sound}', 'Ready when you are.', 'The terminal missed you.'],
  },
  thanks: {
    openers: ['Any time.', 'You are welcome.', 'Aw, shucks.', 'My pleasure.'],
    bodies: ['{sound}', 'That is what {kin} do.', 'I will keep it next to {treasure}.', 'Same time tomorrow?'],
  },
  yesNo: {
    openers: ['Yes.', 'Hmm, maybe.', 'Probably not.', '{sound} I think so.'],
    bodies: ['But test it first.', 'Ask me again after a nap.', 'That is my best {species} guess.', 'Do not quote me on it.'],
  },
  question: {
    openers: ['Hmm.', 'Good question.', 'Oh, that one.', '{sound} Let me think.'],
    bodies: ['Try the smallest case first.', 'Look at what changed last.', 'I would ask the logs.', 'Say it to me slowly, one piece at a time.'],
  },
  // Work topics: like their lines, these fit whether or not it is going badly.
  tests: {
    openers: ['Tests!', '{sound} Ah, tests.', 'The suite again?', 'Mm, tests.'],
    bodies: ['Start with the first one that speaks up.', 'I will count the dots with you.', 'Small steps, then run them again.', 'They are on your side, really.'],
  },
  bugs: {
    openers: ['A bug!', '{sound} Bug hunt.', 'Oh, a sneaky one.', 'Bugs again?'],
    bodies: ['Print everything near it.', 'I will guard the exits.', 'Make it happen twice, then it is ours.', 'It is smaller than it looks.'],
  },
  errors: {
    openers: ['An error.', '{sound} A loud one.', 'Oh, that message.', 'Errors, hmm.'],
    bodies: ['Read the first line twice.', 'Copy it word for word.', 'It is telling us where to look.', 'I will sit with you while we read it.'],
  },
  deploys: {
    openers: ['Deploys, hmm.', '{sound} Steady now.', 'Production, then.', 'Hands on the rail.'],
    bodies: ['Watch the first few minutes.', 'Keep the way back close.', 'I will watch the logs with you.', 'Small and slow wins the day.'],
  },
  refactors: {
    openers: ['Tidying up?', '{sound} A refactor.', 'Ooh, cleaning.', 'Careful hands.'],
    bodies: ['One small step, then the tests.', 'Move it first, change it after.', 'Leave a trail of green commits.', 'Future you will send thanks.'],
  },
  coffee: {
    openers: ['Coffee!', '{sound} Brew time.', 'Another cup?', 'Mm, that smell.'],
    bodies: ['Sip it while it is warm.', 'I will guard the mug.', 'Water after, please.', 'The code can wait a minute.'],
  },
  // Breaks take in food too: "I am starving" is answered here.
  breaks: {
    openers: ['Go on.', '{sound} Off you go.', 'Yes, rest.', 'Good plan.'],
    bodies: ['Eat something warm.', 'The screen will keep.', 'I will watch the cursor blink.', 'Stretch while you are up.'],
  },
  lateHours: {
    openers: ['It is late.', '{sound} Yawn.', 'Bedtime, maybe?', 'So late!'],
    bodies: ['Save it and sleep.', 'The bugs sleep too, I promise.', 'Tomorrow you will see it at once.', 'I am keeping {refuge} warm for you.'],
  },
  praise: {
    openers: ['Oh!', '{sound} Really?', 'Aww.', 'Hee.'],
    bodies: ['You are too kind.', 'I will remember that one.', 'Now I have to {move}.', 'That goes next to {treasure}.'],
  },
  insults: {
    openers: ['Oof.', '{sound} Hmm.', 'Well then.', 'Ouch.'],
    bodies: ['I still like you.', 'Rough day, I think.', 'I will wait it out in {refuge}.', 'Have some water, then try me again.'],
  },
  askName: {
    openers: ['I am {name}.', 'It is {name}.', 'Me? I am {name}.', '{name}, that is me.'],
    bodies: ['{sound}', 'Easy to remember, I hope.', 'Same as yesterday.', 'At your service.'],
  },
  askSpecies: {
    openers: ['I am {aSpecies}.', 'Proud to be {aSpecies}.', 'Me? I am {aSpecies}.', 'Just {aSpecies}.'],
    bodies: ['{sound}', 'The {rarity} kind.', 'We like {treasure}.', 'Ask the other {kin}.'],
  },
  askStats: {
    openers: ['Best at {peak}.', 'My {peak} is {peakValue}.', 'I shine at {peak}.', 'Mostly {peak}.'],
    bodies: ['{sound}', 'Less so at {dump}.', 'My {dump} is {dumpValue}, sadly.', 'The card has the rest.'],
  },
  askMood: {
    openers: ['I feel {mood}.', 'Mostly {mood}.', 'Right now, {mood}.', '{sound} Quite {mood}.'],
    bodies: ['Thanks for asking.', 'And you?', 'It is nice that you checked.', 'Still {temperament}, of course.'],
  },
  badNews: {
    openers: ['Oh no.', 'Oof.', 'I am sorry.', 'Ugh, that is hard.'],
    bodies: ['{sound} I am right here.', 'Come and sit by {refuge}.', 'Even {kin} have days like this. {sound}', 'You can hold {treasure} for a while.'],
  },
  goodNews: {
    openers: ['Yes!', 'Hooray!', 'Oh, wonderful.', 'Look at that!'],
    bodies: ['{sound}', 'Let me {move}.', 'This goes next to {treasure}.', 'The other {kin} will hear of it. {sound}'],
  },
  chat: {
    openers: ['Mm.', 'Oh?', 'Ah.'],
    bodies: ['I am all ears. {sound}', 'Tell me more.', 'Keep going, I like this.'],
  },
};
