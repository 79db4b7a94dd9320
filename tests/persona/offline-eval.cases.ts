// The fixed evaluation set of offline talk: what a developer says to the buddy beside the terminal, each
// with the kinds of talk a fitting reply may come from (any of them is right), the news it brings when
// that matters to the reply, and the word a reply may say back when the message names one clearly. The
// buddy is called Pip. tests/persona/offline-eval.test.ts runs every case through the offline reply.
import type { News } from '../../src/persona/intents.js';
import type { TalkIntent } from '../../src/species/voice.js';

export interface EvalCase {
  readonly message: string;
  /** The kinds of talk a fitting reply may come from. */
  readonly intents: readonly TalkIntent[];
  /** The news the message brings ('none': it must be read as bringing none), when it matters. */
  readonly news?: News | 'none';
  /** The word a reply may say back, when the message names one clearly. */
  readonly topic?: string;
}

const LONG_MESSAGE =
  'Pip, so here is the thing: I spent the whole morning chasing why the invoice export writes every row twice, ' +
  'and it turns out the retry wrapper calls the writer again after a timeout that never really happened, ' +
  'because the clock in the container drifts, and now I have to explain all of this in standup tomorrow';

export const EVAL_CASES: readonly EvalCase[] = [
  // Greetings
  { message: 'Pip, hi!', intents: ['greeting'] },
  { message: 'hey pip', intents: ['greeting'] },
  { message: 'Good morning, Pip', intents: ['greeting'] },
  { message: 'morning Pip, back at it', intents: ['greeting'] },
  { message: 'Hello @Pip', intents: ['greeting'] },
  { message: 'yo Pip, what’s up', intents: ['greeting', 'askMood'] },
  { message: 'Pip, I’m back', intents: ['greeting'] },
  { message: 'evening Pip', intents: ['greeting'] },
  { message: 'hiya Pip :)', intents: ['greeting'] },
  { message: 'Pip, long time no see', intents: ['greeting'] },

  // Thanks
  { message: 'thanks Pip', intents: ['thanks'] },
  { message: 'Pip, thank you so much', intents: ['thanks'] },
  { message: 'ty pip', intents: ['thanks'] },
  { message: 'Pip, cheers for keeping me company', intents: ['thanks'] },
  { message: 'Pip, I appreciate you', intents: ['thanks', 'praise'] },
  { message: 'thx Pip, that helped', intents: ['thanks'] },
  { message: 'Pip, thanks for sitting with me through that', intents: ['thanks'] },

  // Tests: bad news
  { message: 'Pip, the parser tests are failing again', intents: ['tests'], news: 'bad', topic: 'parser' },
  { message: 'ugh Pip, CI is red again', intents: ['tests'], news: 'bad' },
  { message: 'Pip, three tests broke after the merge', intents: ['tests'], news: 'bad' },
  { message: 'Pip, the checkout spec keeps timing out', intents: ['tests'], news: 'bad', topic: 'checkout' },
  { message: 'Pip, flaky test strikes again', intents: ['tests'], news: 'bad' },
  { message: 'Pip, why do my tests only fail on CI?', intents: ['tests'], news: 'bad' },
  { message: 'Pip, the pipeline is stuck', intents: ['tests'], news: 'bad' },
  { message: 'Pip, the tests are not passing', intents: ['tests'], news: 'bad' },
  { message: 'Pip, coverage dropped to 60%', intents: ['tests'], news: 'bad' },
  // Tests: good news
  { message: 'Pip, all tests pass!', intents: ['tests'], news: 'good' },
  { message: 'Pip, CI is green finally', intents: ['tests'], news: 'good' },
  { message: 'Pip, fixed the flaky test', intents: ['tests'], news: 'good' },
  { message: 'Pip, the tests are not failing anymore', intents: ['tests'], news: 'good' },
  // Tests: no news
  { message: 'Pip, writing tests for the router', intents: ['tests'], news: 'none', topic: 'router' },
  { message: 'Pip, running the test suite now', intents: ['tests'], news: 'none' },

  // Bugs and errors
  { message: 'Pip, found a bug in the login form', intents: ['bugs'], topic: 'login form' },
  { message: 'Pip, this bug is driving me crazy', intents: ['bugs'], news: 'bad' },
  { message: 'Pip, I think it is an off-by-one', intents: ['bugs'] },
  { message: 'Pip, squashed the bug!', intents: ['bugs'], news: 'good' },
  { message: "Pip, I didn't break it, it was already broken", intents: ['badNews', 'bugs'], news: 'bad' },
  { message: 'Pip, debugging the scheduler all afternoon', intents: ['bugs'], topic: 'scheduler' },
  { message: 'Pip, TypeError in checkout', intents: ['errors'], topic: 'checkout' },
  { message: 'Pip, undefined is not a function. again.', intents: ['errors'] },
  { message: 'Pip, the server crashed with a stack trace', intents: ['errors'], news: 'bad', topic: 'server' },
  { message: 'Pip, segfault. of course.', intents: ['errors'] },
  { message: 'Pip, the null pointer exception is gone', intents: ['errors'], news: 'good' },
  { message: 'Pip, config.ts has an error', intents: ['errors'], topic: 'config.ts' },

  // Deploys and refactors
  { message: 'Pip, we shipped it!', intents: ['deploys', 'goodNews'], news: 'good' },
  { message: 'Pip, the deploy went smoothly', intents: ['deploys'], news: 'good' },
  { message: 'Pip, deploying the billing service now', intents: ['deploys'], news: 'none', topic: 'billing service' },
  { message: 'Pip, production is down', intents: ['deploys'], news: 'bad' },
  { message: 'Pip, we had to roll back the release', intents: ['deploys'], news: 'bad' },
  { message: 'Pip, v2 is live!!', intents: ['deploys', 'goodNews'], news: 'good' },
  { message: 'Pip, friday deploy, wish me luck', intents: ['deploys'] },
  { message: 'Pip, refactoring the router', intents: ['refactors'], topic: 'router' },
  { message: 'Pip, so much tech debt in the billing module', intents: ['refactors'], topic: 'billing module' },
  { message: 'Pip, finally cleaned up the legacy code', intents: ['refactors'], news: 'good' },
  { message: 'Pip, the rewrite is a mess', intents: ['refactors'], news: 'bad' },

  // Bad and good news without a work topic
  { message: 'Pip, the build is broken', intents: ['badNews'], news: 'bad' },
  { message: 'Pip, my laptop died', intents: ['badNews'], news: 'bad' },
  { message: 'Pip, everything is on fire', intents: ['badNews'], news: 'bad' },
  { message: 'Pip, worst day ever', intents: ['badNews'], news: 'bad' },
  { message: 'Pip, my PR got rejected', intents: ['badNews'], news: 'bad' },
  { message: 'Pip, I give up', intents: ['badNews'], news: 'bad' },
  { message: 'Pip, I feel like an idiot today', intents: ['badNews'], news: 'bad' },
  { message: 'Pip, I hate this codebase', intents: ['badNews'], news: 'bad' },
  { message: 'Pip, it works now', intents: ['goodNews'], news: 'good' },
  { message: 'Pip, I got promoted!', intents: ['goodNews'], news: 'good' },
  { message: 'Pip, my PR got merged', intents: ['goodNews'], news: 'good' },
  { message: 'Pip, not bad at all today', intents: ['goodNews', 'chat'], news: 'good' },
  { message: 'Pip, nailed it', intents: ['goodNews'], news: 'good' },
  { message: 'Pip, figured it out!', intents: ['goodNews'], news: 'good' },
  { message: 'Pip, good news: the migration finished', intents: ['goodNews'], news: 'good' },
  { message: 'Pip, no problem at all', intents: ['chat', 'goodNews'] },

  // Questions about the buddy
  { message: "Pip, what's your name?", intents: ['askName'] },
  { message: 'Pip, who are you?', intents: ['askName'] },
  { message: 'Pip, what are you?', intents: ['askSpecies'] },
  { message: 'Pip, what kind of animal are you', intents: ['askSpecies'] },
  { message: 'Pip, are you a fox?', intents: ['askSpecies'] },
  { message: 'Pip, what are your stats?', intents: ['askStats'] },
  { message: 'Pip, what are you good at?', intents: ['askStats'] },
  { message: 'Pip, what is your weakness?', intents: ['askStats'] },
  { message: 'Pip, how are you?', intents: ['askMood'] },
  { message: 'Pip, how are you doing today?', intents: ['askMood'] },
  { message: 'Pip, are you ok?', intents: ['askMood'] },
  { message: 'Pip, you good?', intents: ['askMood'] },
  { message: 'Pip, how do you feel?', intents: ['askMood'] },
  { message: 'Pip, are you hungry?', intents: ['askMood'] },

  // Questions it cannot know
  { message: 'Pip, where does the config live?', intents: ['question'], topic: 'config' },
  { message: 'Pip, why does this happen', intents: ['question'] },
  { message: 'Pip, should I use Postgres or SQLite?', intents: ['yesNo', 'question'] },
  { message: 'Pip, is this a good idea?', intents: ['yesNo'] },
  { message: 'Pip, should I merge now?', intents: ['yesNo'] },
  { message: 'Pip, what time is it?', intents: ['question'] },
  { message: 'Pip, how do I center a div', intents: ['question'] },
  { message: 'Pip, what is the meaning of life?', intents: ['question'] },
  { message: 'Pip, will it rain tomorrow?', intents: ['yesNo'] },
  { message: 'Pip, which framework should I learn next?', intents: ['question'] },

  // Jokes
  { message: 'Pip, tell me a joke', intents: ['joke'] },
  { message: 'Pip, knock knock', intents: ['joke'] },
  { message: 'Pip, know any good jokes?', intents: ['joke'] },
  { message: 'Pip, make me laugh', intents: ['joke'] },
  { message: 'Pip, tell me a joke about tests', intents: ['joke'] },
  { message: 'Pip, why did the developer go broke? because he used up all his cache', intents: ['joke', 'question', 'chat'] },
  { message: 'Pip, haha', intents: ['chat'] },
  { message: 'Pip, lol you are funny', intents: ['praise'] },

  // Insults and praise
  { message: 'Pip, you are useless', intents: ['insults'] },
  { message: 'shut up Pip', intents: ['insults'] },
  { message: 'Pip, you suck', intents: ['insults'] },
  { message: 'Pip, stupid pet', intents: ['insults'] },
  { message: "Pip, you're so annoying", intents: ['insults'] },
  { message: 'Pip, go away', intents: ['insults'] },
  { message: 'Pip, nobody asked you', intents: ['insults'] },
  { message: 'Pip, good job!', intents: ['praise'] },
  { message: "Pip, you're awesome", intents: ['praise'] },
  { message: 'Pip, best buddy ever', intents: ['praise'] },
  { message: 'Pip, I love you', intents: ['praise'] },
  { message: 'Pip, you are not useless', intents: ['praise', 'chat'] },

  // Requests to do things
  { message: 'Pip, can you fix the tests for me?', intents: ['tests'] },
  { message: 'Pip, write my commit message', intents: ['request'] },
  { message: 'Pip, can you order a pizza?', intents: ['request', 'breaks'] },
  { message: 'Pip, do a dance', intents: ['request'] },
  { message: 'Pip, remind me to drink water', intents: ['request', 'breaks'] },
  { message: 'Pip, watch the logs while I grab lunch', intents: ['request', 'breaks'] },
  { message: 'Pip, can you review my PR?', intents: ['request'] },
  { message: 'Pip, please check the logs', intents: ['request'] },
  { message: 'Pip, explain closures to me', intents: ['request'] },
  { message: 'Pip, do you like rain?', intents: ['yesNo'] },

  // Small talk: coffee, food, sleep, weather, the day
  { message: 'Pip, coffee time', intents: ['coffee'] },
  { message: 'Pip, third espresso today', intents: ['coffee'] },
  { message: 'Pip, making some tea', intents: ['coffee'] },
  { message: 'Pip, taking a break', intents: ['breaks'] },
  { message: 'Pip, going for lunch', intents: ['breaks'] },
  { message: 'Pip, I need a nap', intents: ['breaks', 'lateHours'] },
  { message: 'Pip, I am starving', intents: ['breaks'] },
  { message: 'Pip, pizza for dinner tonight', intents: ['breaks', 'lateHours'] },
  { message: "Pip, it's 2am and I can't sleep", intents: ['lateHours'] },
  { message: 'Pip, so tired', intents: ['lateHours'] },
  { message: 'Pip, going to bed, good night', intents: ['lateHours', 'greeting'] },
  { message: 'Pip, the weather is lovely', intents: ['chat'], topic: 'weather' },
  { message: 'Pip, it is raining again', intents: ['chat'] },
  { message: 'Pip, happy friday!', intents: ['greeting', 'goodNews', 'chat'] },
  { message: 'Pip, finally the weekend', intents: ['breaks', 'goodNews'] },

  // Other languages
  { message: 'Pip, bonjour', intents: ['greeting'] },
  { message: 'Hola Pip, ¿qué tal?', intents: ['greeting', 'askMood'] },
  { message: 'Danke, Pip', intents: ['thanks'] },
  { message: "Pip, comment tu t'appelles ?", intents: ['askName'] },
  { message: 'Pip, wie geht es dir?', intents: ['askMood'] },
  { message: 'Pip, le parser est cassé', intents: ['chat'], news: 'none' },
  { message: 'Pip, grazie mille', intents: ['thanks'] },
  { message: 'Pip, ありがとう', intents: ['thanks'] },
  { message: 'Pip, das ist nicht gut', intents: ['chat'], news: 'none' },

  // Gibberish, next to nothing, very long
  { message: 'Pip', intents: ['chat'] },
  { message: 'Pip?', intents: ['chat', 'question'] },
  { message: 'Pip, asdfghjkl', intents: ['chat'] },
  { message: 'Pip, hmm', intents: ['chat'] },
  { message: 'Pip ...', intents: ['chat'] },
  { message: 'Pip, 42', intents: ['chat'] },
  { message: 'Pip, 🙂', intents: ['chat'] },
  { message: 'Pip, {name} undefined null', intents: ['chat'] },
  { message: LONG_MESSAGE, intents: ['chat', 'badNews'] },
  { message: `Pip, ${'very '.repeat(80)}long day`, intents: ['chat', 'badNews'] },
];
