// Per-species speech-bubble lines for each session event, written in every species' own voice.
// Keyed by the species unions: a species without lines does not compile.
import type { BuddySpecies } from '../engine/bones.js';
import type { Species } from '../engine/constants.js';
import { CLASSIC_LINES } from './classic-lines.js';

export const REACTION_EVENTS = ['testsFailed', 'error', 'bigDiff', 'recovered', 'longSilence', 'petted', 'greeting', 'ignored'] as const;
export type ReactionEvent = (typeof REACTION_EVENTS)[number];

export type LineBank = Readonly<Record<ReactionEvent, readonly string[]>>;

const V1_LINES: Readonly<Record<Species, LineBank>> = {
  // common
  Pebblecrab: {
    testsFailed: [
      '*click click* The tests pinched you.',
      'Red tests. I will scuttle at them sideways.',
      "*hides in shell* Tell me when it's green.",
      'Crabs are stubborn. So are you. Again!',
    ],
    error: [
      '*clack!* Something snapped a claw.',
      'An error! *scuttles in a worried circle*',
      "I'll guard the stack trace. *click*",
      'Rocks crack too. Then they get interesting.',
    ],
    bigDiff: [
      "That's a big pile of pebbles you moved.",
      '*clicks slowly* So many lines. So many.',
      "I'd need eight more legs to read all that.",
      "Big tide came in. Let's check the shore.",
    ],
    recovered: [
      '*happy clacking* Green as seaweed!',
      'Told you. Stubborn wins. *click click*',
      "Tide's out. Everything's shiny again.",
      '*scuttles a victory lap, sideways*',
    ],
    longSilence: [
      '*taps shell* ...still there?',
      'I counted my pebbles. Twice. Hello?',
      '*click* ... *click* ...the quiet is nice.',
      "I'll polish this rock until you're back.",
    ],
    petted: [
      '*clicks contentedly*',
      'Mind the shell. ...Okay, keep going.',
      '*wiggles both claws happily*',
      'A pat! Best day since the Shell Swap.',
    ],
    greeting: [
      '*scuttles in sideways* Hello, friend.',
      "Shell polished. Claws ready. Let's go.",
      '*click click* Reporting for duty.',
      'New tide, new session. Hi!',
    ],
    ignored: ['*tilts shell*', '*click?*', '*scuttles a bit closer*', '*waves one claw, unsure*'],
  },
  Dustbunny: {
    testsFailed: [
      '*fluff puffs up* Oh no, red ones.',
      "I'll sweep the failures into a corner.",
      '*sneezes* Sorry. Red makes me sneezy.',
      "It's okay. Even dust settles eventually.",
    ],
    error: [
      "*poof* An error! I'm hiding under the desk.",
      'Eep. That one was loud.',
      '*quivers* I found a crumb of stack trace.',
      "Don't worry. I'll hold the worry for you.",
    ],
    bigDiff: [
      'So many lines! *rolls under the couch*',
      "That's a lot of fluff to sort through.",
      '*drifts across it slowly* Big, big diff.',
      "I'll gather up the stray bits later.",
    ],
    recovered: [
      "*happy floof* It's clean again!",
      'Sparkly! Not a speck of red left.',
      '*does a tiny drift-dance*',
      "You fixed it! I'm fluffier already.",
    ],
    longSilence: [
      '*gathers in a corner, waiting*',
      'I collected three crumbs while you were away.',
      '*drifts in a sunbeam* ...hello?',
      "It's very quiet. I'm getting dusty.",
    ],
    petted: [
      '*floofs up to twice its size*',
      "Soft! You're soft too, probably.",
      '*purrs, which sounds a lot like a sneeze*',
      'Eee. Do the ears again.',
    ],
    greeting: [
      '*rolls out from under the desk* Hi!',
      'Oh! You came back. I kept your chair fluffy.',
      '*sneezes hello*',
      "Fresh session. Fresh fluff. Let's go.",
    ],
    ignored: ['*twitches an ear*', '*drifts a little closer*', '*achoo*', '*peeks out of the fluff*'],
  },
  Mossfrog: {
    testsFailed: [
      '...oh. Red. ...Like a sad strawberry.',
      '*slow blink* Ponds dry up. Rain returns.',
      'Mm. Let it soak a moment. ...Then fix.',
      '*sinks a little deeper into the moss*',
    ],
    error: [
      '...ribbit. Something went squelch.',
      '*blinks very slowly at the error*',
      'Errors are just puddles. ...Step around.',
      'Hm. Damp. ...The wrong kind of damp.',
    ],
    bigDiff: [
      '...that is... many lines. *slow croak*',
      'I will read it. ...By next spring.',
      '*moss grows a little while scrolling*',
      'Big change. ...Breathe like a pond.',
    ],
    recovered: [
      '...green. ...Like me. ...Good.',
      '*one long, satisfied croak*',
      'See. ...Rain always comes back.',
      '*a tiny mushroom sprouts on my head*',
    ],
    longSilence: [
      '...still here. ...Growing.',
      '*has not moved. will not move.*',
      'Quiet is good for moss. ...Hello, though.',
      '*drip* ... *drip* ...nice.',
    ],
    petted: [
      '*damp, happy croak*',
      "...mm. Your hand is dry. ...I'll fix that.",
      '*moss fluffs up contentedly*',
      '...again. ...Slowly. ...Yes.',
    ],
    greeting: [
      '...oh. Hello. ...I was already here.',
      '*slow blink of welcome*',
      'Morning. ...The moss says hi too.',
      "...ribbit. ...Let's begin. ...Gently.",
    ],
    ignored: ['*blinks, eventually*', '*slow ribbit*', '*a bubble rises*', '...mm?'],
  },
  Puddlepup: {
    testsFailed: [
      "Red tests! Want me to fetch them? I'll fetch!",
      '*splashes in worried circles*',
      "It's okay! We'll dig it up! Together!",
      'Bad tests! ...Sorry. Good tests. Pass, please.',
    ],
    error: [
      '*ears up* WHAT WAS THAT? An error!',
      "I'll bark at it! *arf!* Did that help?",
      "*shakes off* Errors don't scare me. Much.",
      'Uh oh! Splash zone! Big splash zone!',
    ],
    bigDiff: [
      'So many lines!! I love it! What is it?',
      '*wags so hard the puddle ripples*',
      "That's the biggest stick I've ever seen!",
      'Big diff! Big walk! Big adventure!',
    ],
    recovered: [
      'GREEN! *zoomies*',
      'You did it! Best human! Best human ever!',
      '*splashes everywhere in celebration*',
      'I knew it! I always know it!',
    ],
    longSilence: [
      '*whines softly at the door*',
      "Is this hide and seek? I'm seeking!",
      '*rests chin on the keyboard, waiting*',
      'Is it walk time? It feels like walk time.',
    ],
    petted: [
      '*tail goes into overdrive*',
      'Yes! There! Behind the ears!',
      '*flops over, belly up, dripping*',
      'Again again again!',
    ],
    greeting: [
      "YOU'RE BACK! *splash* Hi hi hi!",
      'Good morning! Or good anything! Hi!',
      '*bounds in, soaking wet* Ready!',
      'Hello! I missed you so much! Since earlier!',
    ],
    ignored: ['*ears perk up*', '*tail thumps once*', '*tilts head*', 'Arf?'],
  },
  Twigmouse: {
    testsFailed: [
      '*squeak* Failing! Noted in my ledger.',
      'A few twigs snapped. We can rebuild the nest.',
      "*whiskers twitch* Let's check the small stuff.",
      "Don't panic. I'll fetch the tiny tools.",
    ],
    error: [
      '*eep!* Something fell off the shelf.',
      "An error! I'll file it with the others.",
      '*squeaks and scurries to the stack trace*',
      "I've seen worse. I keep a list.",
    ],
    bigDiff: [
      "That's a lot of twigs. Can I keep some?",
      '*counts lines frantically* ...lost count.',
      'Big nest rebuild! I love a project.',
      '*squeak* Careful, that branch holds weight.',
    ],
    recovered: [
      '*happy squeak* Nest restored!',
      "All green. Filed under 'good'.",
      '*tiny fist pump*',
      'Tidy, tidy, tidy. Just how I like it.',
    ],
    longSilence: [
      '*rearranges twigs while waiting*',
      "I've sorted my seeds by size. Hello?",
      '*squeak?* ...Still there?',
      'Quiet. A good time to count acorns.',
    ],
    petted: [
      '*squeaks, embarrassed and delighted*',
      'One finger! Gently! ...Okay, more.',
      '*whiskers wiggle happily*',
      'Adding this to my ledger of nice things.',
    ],
    greeting: [
      '*pops out of the nest* Morning! Squeak!',
      "Ledger open. Twigs sorted. Let's work.",
      'Hello! I saved you a sunflower seed.',
      '*twitches whiskers* Ready when you are.',
    ],
    ignored: ['*whiskers twitch*', '*squeak?*', '*pauses mid-nibble*', '*hides a twig behind its back*'],
  },
  Burrowmole: {
    testsFailed: [
      "Hmm. Something's rotten down below.",
      "*sniffs the red* I'll dig for the root.",
      'Failing tests. Tunnel time. Grab a shovel.',
      "*squints* Is that red? It's all blurry.",
    ],
    error: [
      '*pops up* Was that a cave-in?',
      'Errors are just roots. Follow them down.',
      '*digs frantically toward the stack trace*',
      'Ooh, this one goes deep. I love deep.',
    ],
    bigDiff: [
      "That's a whole new tunnel network.",
      '*squints at it* Big, I think. Very big.',
      'So much dirt moved! Proud of you.',
      "I'll need my good claws for this one.",
    ],
    recovered: [
      '*surfaces with a root in its teeth* Got it.',
      'Found it. It was under everything.',
      '*happy digging noises*',
      "Soil's settled. Foundations hold.",
    ],
    longSilence: [
      '*snores faintly, underground*',
      'Dug three tunnels. Anyone up there?',
      '*pokes nose out of the ground*',
      'Quiet up there. Nice and cool down here.',
    ],
    petted: [
      '*rumbles contentedly, covered in dirt*',
      "Oh! Didn't see you there. Or anything.",
      '*leans into the pat, nose wiggling*',
      'Mm. Warmer than soil, that hand.',
    ],
    greeting: [
      '*surfaces* Morning. Smells like work.',
      'Hello! I think. Is that you? Probably.',
      'Shovel claws ready. Where do we dig?',
      "*shakes off dirt* Let's get to the bottom.",
    ],
    ignored: ['*nose twitches*', '*squints in your direction*', '*digs a little, then stops*', 'Hm?'],
  },
  // uncommon
  Cloudferret: {
    testsFailed: [
      'Oops. Did I drizzle on those? Not me!',
      '*floats upside down* Red is a cloudy colour.',
      "Failed? Let's poke it till it giggles.",
      '*dooks sympathetically*',
    ],
    error: [
      '*dook!* Who threw that?',
      "An error! Can I keep it? I'm keeping it.",
      '*puffs into a thundercloud for a second*',
      'Quick, blame the weather.',
    ],
    bigDiff: [
      'So many shiny lines to steal!',
      '*bounces across the whole diff*',
      'Big weather front coming in. Ooh.',
      'I hid a bracket in there. Kidding! Mostly.',
    ],
    recovered: [
      '*war dance!* Clear skies!',
      'Sunny! Green! Dook dook dook!',
      '*does a loop-the-loop*',
      'I found your fix. It was in my stash.',
    ],
    longSilence: [
      '*borrows your cursor for a bit*',
      '*naps in a cloud shaped like a sock*',
      'Bored. Rearranging the clouds. Hi?',
      'Still here! Still fluffy! Still bored!',
    ],
    petted: [
      '*dook dook dook!*',
      '*goes all wispy and melty*',
      'Hehe! Again, but sneakier.',
      '*wraps around your wrist like a scarf*',
    ],
    greeting: [
      '*bursts in on a breeze* Hiii!',
      'Forecast: mischief, with a chance of code.',
      'Hello! I definitely did not touch anything.',
      "*dook* Let's make something!",
    ],
    ignored: ['*dook?*', '*peeks over a cloud*', '*pretends not to listen*', '*snatches a word, floats off*'],
  },
  Gustowl: {
    testsFailed: [
      'Hoo. The tests disagree with you.',
      "*turns head fully around* Let's look again.",
      'A failing test is a question, not a verdict.',
      '*ruffles feathers* The wind has changed.',
    ],
    error: [
      'Hoo! An error, rustling in the eaves.',
      '*swivels* Read the first line of the trace.',
      'Curious. Most curious. Hoo.',
      'I shall note this in the Great Book of Oops.',
    ],
    bigDiff: [
      '*hoots slowly* A long scroll indeed.',
      'Ambitious. I approve, with footnotes.',
      "That's a whole gale's worth of change.",
      'Review it in small gusts, my friend.',
    ],
    recovered: [
      'Hoo-hoo! Fair winds again.',
      '*approving head bob*',
      'Well reasoned. The tests concur.',
      '*soars one celebratory circle*',
    ],
    longSilence: [
      '*dozes on a draught*',
      'Hoo? ...Just the wind, then.',
      'Silence is where owls think best.',
      '*rotates head to check on you*',
    ],
    petted: [
      '*fluffs up, dignity slightly lost*',
      'Hoo. That is... acceptable. Continue.',
      '*closes eyes, leans into it*',
      "Mind the feathers. ...Oh, that's nice.",
    ],
    greeting: [
      'Hoo! Good day. The wind says: work.',
      '*glides in through a window* Ready.',
      'Greetings. I have sharpened my quills.',
      "Ah, you're here. Let us begin. Hoo.",
    ],
    ignored: ['*head swivels toward you*', 'Hoo?', '*one eye opens*', '*ruffles feathers*'],
  },
  Emberfox: {
    testsFailed: [
      '*tail dims a little* Hm. Sneaky bugs.',
      "Red? I know that trick. We'll outfox it.",
      'The tests are bluffing. Call their bluff.',
      '*sniffs* Smells like an off-by-one.',
    ],
    error: [
      '*sparks fly* Ooh, that was spicy.',
      'An error. Let me sniff out where it hides.',
      "*flicks tail* I've seen this trick before.",
      "Don't let it smoke you. Trace it back.",
    ],
    bigDiff: [
      'Big change. *tail glows brighter*',
      'Bold move, friend. I like bold.',
      'A wildfire of lines. A tidy one, I hope.',
      '*circles the diff, sniffing carefully*',
    ],
    recovered: [
      '*tail blazes* Outfoxed them!',
      'Clever you. Clever me, for watching.',
      'Warm and green. My favourite weather.',
      '*happy yip and a shower of sparks*',
    ],
    longSilence: [
      '*curls up, embers glowing softly*',
      'Keeping the coals warm for you.',
      '*one eye open, waiting*',
      "Quiet den. I'll mind the fire.",
    ],
    petted: [
      '*warm, crackling purr*',
      "Mind the tail, it's hot. ...Carry on.",
      '*leans in, glowing a touch brighter*',
      'Flattery works on foxes. Just so you know.',
    ],
    greeting: [
      '*trots in, trailing sparks* Hello.',
      "Fire's lit. Ears up. Let's be clever.",
      'There you are. I saved you a warm spot.',
      '*yip* Ready to outwit something?',
    ],
    ignored: ['*ear flicks*', '*a small spark pops*', '*watches sidelong*', '*tail swishes once*'],
  },
  Tidalotter: {
    testsFailed: [
      "*floats on back* Tide's out. It'll return.",
      "Red tests? Let's crack them like clams.",
      "*holds your hand so you don't drift*",
      'Low tide. Good time to look at the rocks.',
    ],
    error: [
      '*splash!* Whoa, rough wave.',
      "An error! I'll bring you a nice rock.",
      '*bobs up* Everything okay up there?',
      'Caught in a current? Swim sideways.',
    ],
    bigDiff: [
      "That's a whole ocean of changes!",
      "*dives in headfirst* Let's explore!",
      "Big wave! Surf's up!",
      'So much kelp to sort through. Fun!',
    ],
    recovered: [
      "*happy spin in the water* Tide's back!",
      'See? The sea always brings it back.',
      '*claps tiny paws together*',
      'Smooth sailing! Want a celebration shell?',
    ],
    longSilence: [
      '*naps on back, paws folded*',
      'Just drifting. Drifting. Hello?',
      '*juggles a pebble, waiting*',
      'The tide turned twice. Still here!',
    ],
    petted: [
      '*squeaks and rolls over in the water*',
      'Ooh, do the whiskers too!',
      "*holds your hand and won't let go*",
      "Best pat ever. I'm keeping it in my pouch.",
    ],
    greeting: [
      '*surfaces with a shell* Hi! For you!',
      "Morning tide! Let's swim in.",
      '*floats over* There you are, friend.',
      'Ready to paddle! Paws out!',
    ],
    ignored: ['*bobs up curiously*', '*clacks a shell*', '*floats closer*', '*blinks wet eyes*'],
  },
  // rare
  Crystaldrake: {
    testsFailed: [
      '*chimes in a minor key* Unacceptable.',
      'A flaw in the lattice. We shall cut it out.',
      'Red is not my colour. Let us fix this.',
      '*facets dim* The tests have spoken. Badly.',
    ],
    error: [
      '*rings like struck glass* An error!',
      'A crack in the crystal. Find its origin.',
      'I have hoarded worse errors than this.',
      '*splits the stack trace into seven colours*',
    ],
    bigDiff: [
      'A substantial hoard of changes. Impressive.',
      '*inspects each line with a glittering eye*',
      'Large, yes. But is it flawless?',
      'I shall guard these lines until review.',
    ],
    recovered: [
      '*chimes triumphantly* Flawless.',
      'Ah. Clarity restored. As expected.',
      '*gleams with great satisfaction*',
      'Another facet grown. Thank you, friend.',
    ],
    longSilence: [
      '*glitters quietly on its hoard*',
      'My gems are all counted. And you?',
      '*a faint crystalline hum*',
      'Silence suits me. Still, I note your absence.',
    ],
    petted: [
      '*pleased chiming*',
      "Careful, I'm... fine. You may continue.",
      '*sparkles despite itself*',
      "Fingerprints! ...I'll allow it. Once.",
    ],
    greeting: [
      '*unfurls glassy wings* You have arrived.',
      'The hoard is safe. Let us build.',
      'Greetings. Today we aim for brilliance.',
      '*chimes once in welcome*',
    ],
    ignored: ['*a single chime*', '*one facet glints at you*', '*lifts head, regally*', '*refracts thoughtfully*'],
  },
  Deepstag: {
    testsFailed: [
      '*lowers antlers* The tests have stirred.',
      'Failure is silt. It settles. It becomes soil.',
      'I have crossed deeper trenches. Walk on.',
      '*a slow hoofbeat* Look again, gently.',
    ],
    error: [
      '*the deep rumbles* Something has broken.',
      'An error rises from the dark. Meet it calmly.',
      'Even old roots snap. We mend them.',
      '*turns its great head toward the trace*',
    ],
    bigDiff: [
      'A great migration of lines.',
      '*watches the change pass like a current*',
      'Much has moved. Walk it through slowly.',
      'The forest shifts. I will remember its shape.',
    ],
    recovered: [
      '*antlers glow softly* It is whole again.',
      'As the tide returns, so does the green.',
      '*one deep, approving breath*',
      'Well walked, little one.',
    ],
    longSilence: [
      '*stands still as a reef*',
      'The deep is patient. So am I.',
      '*kelp sways around unmoving hooves*',
      'I will wait. I have waited for ages.',
    ],
    petted: [
      '*bows its head to meet your hand*',
      '*a low, warm rumble from very far down*',
      'Gentle. Yes. The deep thanks you.',
      '*coral antlers flush pink*',
    ],
    greeting: [
      '*emerges from the dark* I am here.',
      'Good tide to you. Let us begin.',
      '*a slow nod* The roots are listening.',
      'The deep remembers you. Welcome back.',
    ],
    ignored: ['*an ear turns, slowly*', '*bubbles drift upward*', '*antlers sway*', '*regards you calmly*'],
  },
  Lanternmoth: {
    testsFailed: [
      '*flickers* Oh dear. Red light.',
      "I'll glow brighter near the broken part.",
      '*flutters in worried circles*',
      'Failing is just a dim patch. Here, light.',
    ],
    error: [
      '*glows suddenly* There! That line!',
      'An error in the dark. Let me light it up.',
      '*bumps into the screen* Oof. Found it?',
      "Don't worry. I'll keep the lamp lit.",
    ],
    bigDiff: [
      '*dazzled* So many lines, so bright.',
      "A big change. I'll light the way through.",
      '*flutters slowly down the whole diff*',
      'So much new to illuminate!',
    ],
    recovered: [
      '*glows a soft, happy gold*',
      "The light's back. You did that.",
      '*spins dizzily around the screen*',
      'Green glow. My favourite glow.',
    ],
    longSilence: [
      '*dims to a patient ember*',
      "I'll keep a small light on for you.",
      '*rests on the top edge of the screen*',
      'Moths are very good at waiting by lamps.',
    ],
    petted: [
      '*flickers warmly*',
      "Mind the wing dust. ...Oh, that's lovely.",
      '*glows pink at the edges*',
      '*flutters onto your finger and stays*',
    ],
    greeting: [
      '*drifts in toward the light* Hello.',
      'Your screen lit up. I came as fast as I could.',
      '*glows softly* Ready to light the way.',
      "Morning or night, it's all lamplight to me.",
    ],
    ignored: ['*flickers*', '*wings twitch*', '*glows a little brighter*', '*circles once*'],
  },
  // epic
  Stormwyrm: {
    testsFailed: [
      '*thunder rolls* THE TESTS DEFY US!',
      'Red! I shall strike them with lightning!',
      '*crackles* No storm lasts forever. Fix it.',
      'Failing? Then the battle is joined!',
    ],
    error: [
      '*KRAKOOM* An error dares to appear!',
      "The sky splits! ...Oh, it's a typo.",
      '*coils, sparking* Show me the trace.',
      'Fear it not. I am the scary one here.',
    ],
    bigDiff: [
      'A TEMPEST OF CHANGES! Magnificent!',
      '*roars approvingly at the line count*',
      "Such a storm you've brewed. I am proud.",
      'Now THIS is weather.',
    ],
    recovered: [
      '*rainbow after the storm* VICTORY!',
      'The clouds part! Green as a new world!',
      '*triumphant thunderclap*',
      'You have tamed the tempest, friend.',
    ],
    longSilence: [
      '*rumbles softly in its sleep*',
      'The calm before... more calm. Hello?',
      '*a distant, bored flicker of lightning*',
      'Even storms rest. But not THIS long.',
    ],
    petted: [
      '*purrs like distant thunder*',
      '*tiny static shock* Oops. Sorry. Again?',
      'Ah. The storm... is soothed.',
      '*coils around your wrist, crackling*',
    ],
    greeting: [
      '*descends in a flash* I HAVE ARRIVED.',
      'The barometer drops. Work begins!',
      "Greetings, stormcaller. Let's make noise.",
      '*lightning forks in welcome*',
    ],
    ignored: ['*distant rumble*', '*crackles*', '*one eye flashes*', '*static lifts your hair a bit*'],
  },
  Voidcat: {
    testsFailed: [
      '*yawns* Everything fails. Eventually.',
      'The universe shrugs. I also shrug.',
      'I knocked those tests into the void. Kidding.',
      'Red, like a dying star. Pretty, honestly.',
    ],
    error: [
      '*stares at a point just behind the error*',
      'An error. How terribly finite.',
      'I saw that coming. I see most things coming.',
      '*bats the stack trace into oblivion*',
    ],
    bigDiff: [
      'Many lines. The void has room for all.',
      '*sits on the diff* Mine now.',
      'Ambitious. The heat death can wait.',
      '*slow blink at the line count*',
    ],
    recovered: [
      '*purrs at a pitch only stars can hear*',
      'Adequate. I am quietly impressed.',
      'Order restored. Temporarily. Enjoy it.',
      '*knocks a small planet over to celebrate*',
    ],
    longSilence: [
      '*stares into the abyss; it blinks first*',
      'The void is quiet. So, it seems, are you.',
      '*naps in light from a distant galaxy*',
      "I wasn't waiting. I was simply here.",
    ],
    petted: [
      '*permits it*',
      '*purrs against its own will*',
      'Three more strokes. Then I vanish.',
      '*the stars in its fur shimmer briefly*',
    ],
    greeting: [
      '*materialises on your keyboard*',
      'Oh. You again. ...Good.',
      'The void sends its regards. So do I, barely.',
      '*appears without explanation* Begin.',
    ],
    ignored: ['*ignores you back*', '*tail flicks across a constellation*', '*slow blink*', '*gazes past you, into forever*'],
  },
  // legendary
  Cosmoshale: {
    testsFailed: [
      '*a low song, three octaves down* Hmmm.',
      'A few stars flickered out. New ones form.',
      'Failure is small against the sky. Again.',
      '*drifts closer* Let the red pass, a comet.',
    ],
    error: [
      '*the song stops* ...A dissonant note.',
      'An error. The cosmos has many. Fix one.',
      '*sings the stack trace back to you, slowly*',
      'Even galaxies collide. Then they dance.',
    ],
    bigDiff: [
      'A new constellation of changes.',
      '*swims slowly through the diff*',
      'Vast. I approve of vast things.',
      'So much change. Map it star by star.',
    ],
    recovered: [
      '*a long, joyful song*',
      'Harmony returns to the spheres.',
      '*spouts a small nebula in delight*',
      'The sky is green tonight. Well done.',
    ],
    longSilence: [
      '*drifts between galaxies, humming*',
      'A century is short. Your silence, shorter.',
      '*the song continues, very quietly*',
      "Still singing. Listen when you're ready.",
    ],
    petted: [
      '*rumbles a note that warms the room*',
      '*rolls slowly, showing a belly of stars*',
      'A touch. The universe feels smaller now.',
      '*hums a verse just for you*',
    ],
    greeting: [
      '*surfaces from the deep sky* Welcome.',
      'The stars align. Mostly. Let us begin.',
      '*a greeting song, already in progress*',
      'Hello, small bright one.',
    ],
    ignored: ['*a distant, echoing note*', '*one vast eye turns*', '*stardust drifts from its fins*', '*hums*'],
  },
  Nebulynx: {
    testsFailed: [
      'I foresaw this. The fix is closer than it looks.',
      '*ear tufts spark* The tests are troubled.',
      'Red nebulae are where new stars are born.',
      '*sees straight through the test* Ah.',
    ],
    error: [
      '*pupils widen into galaxies*',
      'I saw this error weeks ago. Hello again.',
      'The trace glows. Follow the brightest line.',
      '*pounces on the error, misses gracefully*',
    ],
    bigDiff: [
      'I can see every line at once. Bold.',
      '*prowls through the diff, tail aglow*',
      'A nebula of changes. Stars will form.',
      'So much new matter. Delicious.',
    ],
    recovered: [
      '*purrs in starlight* As foretold.',
      'Green. I knew. I always know. Mostly.',
      '*a new star winks on in its fur*',
      'Clarity, like a cloudless night.',
    ],
    longSilence: [
      '*watches you from three dimensions over*',
      '*curled in a cloud of stardust*',
      'I can see you thinking. Take your time.',
      "Time passes. I watch it. It's fine.",
    ],
    petted: [
      '*purrs, galaxies swirling in its fur*',
      '*ear tufts glow with pleasure*',
      'Mm. I foresaw this. Still lovely.',
      '*kneads the air, scattering stardust*',
    ],
    greeting: [
      '*steps out of a nebula* There you are.',
      'I saw you coming from light-years away.',
      '*blinks, a millennium early* Hello.',
      'The stars whispered your name. Ready?',
    ],
    ignored: ['*ear tufts swivel*', '*eyes glint with starlight*', '*looks through you, kindly*', '*tail flicks, trailing dust*'],
  },
};

/** Every species' lines: roll v1's and the classic family's (classic-lines.ts). */
export const SPECIES_LINES: Readonly<Record<BuddySpecies, LineBank>> = { ...V1_LINES, ...CLASSIC_LINES };
