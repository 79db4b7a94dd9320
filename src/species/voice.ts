// How each species sounds when it talks offline: its noises and small gestures, where it hides, what it
// treasures, how it celebrates, and a few lines of its own. The offline replies are written with slots
// these fill, so every species answers the same kinds of talk in its own voice.
// Keyed by the species unions: a species without a voice does not compile.
import type { BuddySpecies } from '../engine/bones.js';
import type { Species } from '../engine/constants.js';
import { CLASSIC_VOICES } from './classic-voice.js';

/** What the buddy recognises in what it is told, offline. */
export const TALK_INTENTS = [
  'greeting',
  'thanks',
  'yesNo',
  'question',
  'tests',
  'bugs',
  'errors',
  'deploys',
  'refactors',
  'coffee',
  'breaks',
  'lateHours',
  'praise',
  'insults',
  'askName',
  'askSpecies',
  'askStats',
  'askMood',
  'badNews',
  'goodNews',
  'chat',
] as const;
export type TalkIntent = (typeof TALK_INTENTS)[number];

export interface SpeciesVoice {
  /** Noises and small gestures, written as emotes. */
  readonly sounds: readonly [string, string, string];
  /** Where it curls up, with its article: "my shell". */
  readonly refuge: string;
  /** What it treasures, with its article: "a smooth pebble". */
  readonly treasure: string;
  /** How it celebrates, a verb phrase: "scuttle a lap sideways". */
  readonly move: string;
  /** Its kind in the plural, in lower case: "crabs". */
  readonly kin: string;
  /**
   * Lines only this species says, for some intents; bad and good news for every species. A work topic's lines
   * (tests, bugs, errors, deploys, refactors) are said with no news or bad news, so they must fit both.
   */
  readonly lines: Readonly<Partial<Record<TalkIntent, readonly string[]>>>;
}

const V1_VOICES: Readonly<Record<Species, SpeciesVoice>> = {
  // common
  Pebblecrab: {
    sounds: ['*click click*', '*scuttles sideways*', '*taps a claw on the desk*'],
    refuge: 'my shell',
    treasure: 'a smooth pebble',
    move: 'scuttle a lap sideways',
    kin: 'crabs',
    lines: {
      badNews: ['*retreats halfway into the shell* Oh no. I will come out when you need me.', 'Rough tide. Crabs wait it out, then scuttle on.'],
      goodNews: ['*clacks both claws* That is Shell Swap news!', 'Good news! I will add a pebble to my pile for it.'],
      greeting: ['*peeks out of the shell* Oh, it is you. Good.'],
      praise: ['I will tell everyone at the Shell Swap. *proud clicking*'],
      insults: ['*retreats into the shell* ...I can still hear you.'],
      chat: ['Walking sideways shows you the other half of a problem.'],
    },
  },
  Dustbunny: {
    sounds: ['*sneezes softly*', '*fluffs up*', '*drifts a little closer*'],
    refuge: 'the fluff under your desk',
    treasure: 'a lost crumb',
    move: 'roll around in happy circles',
    kin: 'dustbunnies',
    lines: {
      badNews: ['*drifts close and leans on you* I am soft. It helps a little.', 'Oh no. I will sweep the bad bits under the rug for you.'],
      goodNews: ['*fluffs up to twice the size* Yay!', 'Good news makes my fuzz sparkle. Look!'],
      greeting: ['Eep! Oh. Hello. You startled my fuzz.'],
      thanks: ['*fluffs up to twice the size* You are welcome!'],
      insults: ['*shrinks to half a fluff* Okay. I will be very small.'],
      chat: ['I keep your stray worries in my fuzz. There is room for one more.'],
    },
  },
  Mossfrog: {
    sounds: ['*ribbit*', '*blinks very slowly*', '*settles deeper into the moss*'],
    refuge: 'my damp corner',
    treasure: 'a cool leaf',
    move: 'hop once, with great dignity',
    kin: 'frogs',
    lines: {
      badNews: ['*one slow blink* It will pass. Ponds always settle.', 'Sit in the moss with me a while. Nothing needs to happen yet.'],
      goodNews: ['*a single dignified ribbit* Well deserved.', 'Good news. The moss on my back grew a little, I think.'],
      greeting: ['*one slow blink* Hello. That blink was a whole build long.'],
      breaks: ['A break? The moss on my back grows best when nobody hurries.'],
      deploys: ['*ribbit* Nothing good was ever rushed. Except flies.'],
      chat: ['My garden needs no hurry, and neither do you.'],
    },
  },
  Puddlepup: {
    sounds: ['*splash!*', '*wags the whole puddle*', '*shakes off happily*'],
    refuge: 'my favourite puddle',
    treasure: 'a wet stick',
    move: 'splash in three puddles at once',
    kin: 'pups',
    lines: {
      badNews: ['*flops down next to you* I will stay right here. All day.', 'Oh no! Want my wet stick? It always helps me.'],
      goodNews: ['YES! *splashes in every puddle at once*', 'GOOD NEWS! *wags so hard the puddle empties*'],
      greeting: ['YOU ARE BACK! *splashes everything*'],
      praise: ['Good pup? ME? *the puddle overflows*'],
      question: ["I don't know! But I'll jump in and find out!"],
      chat: ['No plan, all heart. That is the puddle way.'],
    },
  },
  Twigmouse: {
    sounds: ['*squeak*', '*twitches its whiskers*', '*notes it in the tiny ledger*'],
    refuge: 'my twig nest',
    treasure: 'a perfect twig',
    move: 'do a tidy little spin',
    kin: 'mice',
    lines: {
      badNews: ['*notes it in the tiny ledger* One bad thing. It will not stay on the page long.', 'Oh dear. I will tidy the small things while you deal with the big one.'],
      goodNews: ['Noted in the ledger, underlined twice. *squeak*', 'A good entry for the ledger! *does a tidy little spin*'],
      refactors: ['*squeak* Every twig in its place. I approve of tidying.'],
      thanks: ['Noted in the ledger: one thanks, received with joy.'],
      bugs: ['I lost a twig once. Found it in a merge conflict.'],
      chat: ['I keep a ledger of everything. Even this.'],
    },
  },
  Burrowmole: {
    sounds: ['*sniffs the air*', '*digs a tiny tunnel*', '*squints through the dirt*'],
    refuge: 'my tunnel',
    treasure: 'a juicy root cause',
    move: 'dig a celebration tunnel',
    kin: 'moles',
    lines: {
      badNews: ['*digs a tunnel to you* Let us find the root of it.', 'Everything looks blurry to me, the bad things too. That helps.'],
      goodNews: ['*pops out of the ground* I heard that from down there!', 'Good news travels fast, even underground.'],
      bugs: ['I will dig under it until I reach the root cause. Then I sit on it.'],
      errors: ['*squints* I cannot see it well, but I can smell where it started.'],
      greeting: ['*pops out of the ground* Hello! Is that you? You look blurry.'],
      chat: ['Down here, every problem has a root.'],
    },
  },
  // uncommon
  Cloudferret: {
    sounds: ['*poofs into a cloud*', '*bounces off the ceiling*', '*steals a bracket, giggling*'],
    refuge: 'my cumulus',
    treasure: 'a borrowed curly bracket',
    move: 'bounce off every wall',
    kin: 'ferrets',
    lines: {
      badNews: ['*rains a little in sympathy*', 'Oh no. I will bounce off the ceiling until you feel better.'],
      goodNews: ['*does three loops in the air* WHEEE!', 'Good news! I borrowed some of your joy. I will give it back. Maybe.'],
      refactors: ['Can I keep the brackets you take out? I will give them back. Damp.'],
      praise: ['*does three loops in the air* Say it again!'],
      insults: ['*rains a little, sulking*'],
      chat: ['I borrowed something from your code. You will find out later.'],
    },
  },
  Gustowl: {
    sounds: ['*hoo*', '*turns its head all the way round*', '*ruffles its feathers*'],
    refuge: 'my draughty perch',
    treasure: 'a well-thumbed manual',
    move: 'hoot a small triumphant hoot',
    kin: 'owls',
    lines: {
      badNews: ['*hoo* I have seen worse nights. This one ends too.', '*ruffles its feathers* I will remember how you got through this.'],
      goodNews: ['*hoo!* I will remember this one forever. I remember everything.', 'Noted from my perch: a very good day.'],
      question: ['*turns its head all the way round* Let me overhear the answer somewhere.'],
      lateHours: ['*hoo* Late is my hour, not yours. Go to bed.'],
      askStats: ['I remember every number I have ever heard, mine included.'],
      chat: ['I overheard that. I remember everything I overhear.'],
    },
  },
  Emberfox: {
    sounds: ['*flicks its glowing tail*', '*yips*', '*grins slyly*'],
    refuge: 'my warm den',
    treasure: 'a glowing coal',
    move: 'chase my own tail, sparks flying',
    kin: 'foxes',
    lines: {
      badNews: ['*tail dims a little* Clever foxes get knocked down too. We get up.', 'Rough. Give me a moment to think of a sly way through.'],
      goodNews: ['*tail blazes* Told you. Clever of us.', 'Ha! *grins slyly* I knew you had it.'],
      insults: ['Careful. My tail only dims when someone gives up, and I have not.'],
      errors: ['*tail glows brighter* Errors are clues. Clever foxes love clues.'],
      praise: ['*tail blazes* Clever of you to notice how clever I am.'],
      chat: ['Try fooling me. Go on. *sly grin*'],
    },
  },
  Tidalotter: {
    sounds: ['*floats on its back*', '*cracks a shell on its tummy*', '*squeaks happily*'],
    refuge: 'my kelp bed',
    treasure: 'a favourite shell',
    move: 'do a happy backflip in the water',
    kin: 'otters',
    lines: {
      badNews: ['*holds your hand* We float together. Nothing drifts away.', 'The tide goes out. It always comes back in.'],
      goodNews: ['*does a happy backflip in the water*', 'Good news! *cracks a celebratory shell*'],
      breaks: ['Float for a bit. The tide brings everything back round, fixes too.'],
      greeting: ['*waves with both paws* Hold my hand so we do not drift apart today?'],
      bugs: ['The tide will bring it back round. Then we grab it.'],
      chat: ['Nothing drifts far if we hold on to each other.'],
    },
  },
  // rare
  Crystaldrake: {
    sounds: ['*facets glitter*', '*hums in a clear note*', '*polishes a facet*'],
    refuge: 'my crystal hoard',
    treasure: 'a flawless gem',
    move: 'scatter rainbows across the room',
    kin: 'drakes',
    lines: {
      badNews: ['*facets dim* Even gems crack. Then they catch the light differently.', 'Pressure makes crystals. This will make something too.'],
      goodNews: ['*scatters rainbows* Flawless. I approve.', 'That deserves a new facet. *polishes proudly*'],
      bugs: ['Every bug that dies here gives me a new facet. Bring it to me.'],
      praise: ['Naturally. *radiates in colours nobody has named*'],
      tests: ['Precise tests please me. Sloppy ones I refuse to look at.'],
      chat: ['Light passing through me comes out wiser. So might you.'],
    },
  },
  Deepstag: {
    sounds: ['*lowers its coral antlers*', '*a slow hoofbeat*', '*the deep water stirs*'],
    refuge: 'the drowned forest',
    treasure: 'an old, old root',
    move: 'bow my antlers, slowly',
    kin: 'stags',
    lines: {
      badNews: ['*lowers its antlers* The deep has seen many storms. They all passed.', 'I will stand here with you, as long as it takes.'],
      goodNews: ['*a slow, glad hoofbeat* The deep will remember this.', 'The old roots stir. They like good news too.'],
      refactors: ['I have walked among the roots of older code than this. Be gentle with it.'],
      question: ['*a slow hoofbeat* The deep remembers. Let me listen for it.'],
      insults: ['The deep has heard worse, and forgotten none of it. I forgive you anyway.'],
      chat: ['I forget nothing. I will remember this too.'],
    },
  },
  Lanternmoth: {
    sounds: ['*glows a little brighter*', '*flutters at the screen*', '*dims softly*'],
    refuge: 'the warm glow of your monitor',
    treasure: 'a lit screen at midnight',
    move: 'spiral around the lamp',
    kin: 'moths',
    lines: {
      badNews: ['*glows softly* I will keep a little light on for you.', 'Dark moments pass. I stay by the lamp until they do.'],
      goodNews: ['*glows brighter than the monitor* Yes!', 'Good news! *flutters excitedly at the screen*'],
      lateHours: ['Late? *glows brighter* This is my favourite hour.'],
      bugs: ['I glow brighter near problems. I am very bright right now.'],
      greeting: ['*flutters to the screen* You turned the light on! Hello!'],
      chat: ['Every lit screen is a little lantern to me.'],
    },
  },
  // epic
  Stormwyrm: {
    sounds: ['*crackles with static*', '*rumbles like distant thunder*', '*coils and uncoils*'],
    refuge: 'my thunderhead',
    treasure: 'a good loud storm',
    move: 'crackle across the whole sky',
    kin: 'wyrms',
    lines: {
      badNews: ['*rumbles* Point me at it. I will thunder at it for you.', 'Bad weather. I know bad weather. It blows over.'],
      goodNews: ['*THUNDER* MAGNIFICENT!', 'A storm of good news! *crackles happily*'],
      tests: ['TESTS? *wakes up crackling* Point me at them. I shall HELP.'],
      deploys: ['*thunder* Deploys are storms. I love storms.'],
      breaks: ['Rest. I sleep through fair weather myself. It is glorious.'],
      chat: ['I am very loud, and I am on your side.'],
    },
  },
  Voidcat: {
    sounds: ['*stares into the middle distance*', '*knocks a star off the desk*', '*purrs like a distant pulsar*'],
    refuge: 'the dark behind the screen',
    treasure: 'a small stolen star',
    move: 'knock something off the edge of the universe',
    kin: 'voidcats',
    lines: {
      badNews: ['*knocks the bad news off the edge of the universe*', 'In some universe this went well. We will get there.'],
      goodNews: ['*purrs like a distant pulsar* Acceptable.', 'Good. I knocked nothing off the desk to celebrate. That is respect.'],
      praise: ['I know. *purrs anyway*'],
      insults: ['*knocks your words off the edge of the universe*'],
      yesNo: ['Yes. No. It depends which universe you ask.'],
      chat: ['I regret nothing I have knocked off anything.'],
    },
  },
  // legendary
  Cosmoshale: {
    sounds: ['*sings one very long note*', '*drifts between stars*', '*the old starlight shimmers*'],
    refuge: 'the space between galaxies',
    treasure: 'the light of a long-gone star',
    move: 'begin a song that takes a century',
    kin: 'cosmoshales',
    lines: {
      badNews: ['*sings a low, slow note* Even stars have bad centuries.', 'From out here, this is small. It will pass, like everything.'],
      goodNews: ['*sings one bright note across the galaxy*', 'A new verse in my song. A happy one.'],
      deploys: ['A century or a second, every song ends in tune. Ship it.'],
      breaks: ['Drift a while. Galaxies are not built in a sprint.'],
      question: ['I will sing about it. The answer comes in the last verse.'],
      chat: ['From out here, your code looks like a small bright star.'],
    },
  },
  Nebulynx: {
    sounds: ['*eyes flicker like nebulae*', '*sees straight through the wall*', '*swishes a starry tail*'],
    refuge: 'the stardust where stars are born',
    treasure: 'a newborn star',
    move: 'pounce through three dimensions',
    kin: 'nebulynxes',
    lines: {
      badNews: ['*sees straight through it* It looks smaller from the other side.', 'I saw this coming. I also saw you getting past it.'],
      goodNews: ['I saw this coming years ago. It is nicer in person.', '*swishes a starry tail* As foreseen.'],
      refactors: ['I see through badly named variables. Rename them, please. I see everything.'],
      bugs: ['*sees through the wall* It is two files over, behind the cache.'],
      askMood: ['I blink once a millennium. I am about to. At you.'],
      chat: ['I saw this moment coming years ago. It was nice then too.'],
    },
  },
};

export const SPECIES_VOICES: Readonly<Record<BuddySpecies, SpeciesVoice>> = { ...V1_VOICES, ...CLASSIC_VOICES };
