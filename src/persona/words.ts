// Word banks for the offline personality writer: inspiration words, name syllables, templates and replies.

/** Pool of evocative inspiration words; four are picked deterministically per buddy. At least 160 distinct lowercase single words. */
export const INSPIRATION_WORDS: readonly string[] = [
  // hearth and pantry
  'lantern', 'thimble', 'teapot', 'kettle', 'candle', 'biscuit', 'marmalade', 'cinnamon',
  'saffron', 'nutmeg', 'peppermint', 'rhubarb', 'blueberry', 'gingerbread', 'pumpkin', 'honey',
  'toffee', 'custard', 'sherbet', 'crumpet', 'scone', 'pickle', 'radish', 'turnip',
  'parsnip', 'cabbage', 'pancake', 'waffle', 'dumpling', 'noodle', 'pretzel', 'marzipan',
  'teacup', 'saucer', 'ladle', 'cauldron', 'chimney', 'cellar', 'beeswax', 'candlewick',
  // cloth and keepsakes
  'velvet', 'button', 'ribbon', 'tinsel', 'wool', 'tweed', 'corduroy', 'flannel',
  'mitten', 'scarf', 'slipper', 'sequin', 'glitter', 'confetti', 'quill', 'parchment',
  'ink', 'scroll', 'map', 'compass', 'clockwork', 'sundial', 'hourglass', 'telescope',
  'prism', 'mirror', 'lens', 'porcelain', 'pewter', 'copper', 'cobalt', 'marble',
  'quartz', 'garnet', 'jade', 'topaz', 'moonstone', 'pebble', 'driftwood', 'rope',
  // music and machines
  'lullaby', 'mandolin', 'fiddle', 'banjo', 'tambourine', 'trumpet', 'whistle', 'bell',
  'gong', 'pinwheel', 'carousel', 'circus', 'kite', 'hammock', 'bicycle', 'tram',
  'zeppelin', 'balloon', 'sailboat', 'canoe', 'paddle', 'gramophone', 'typewriter', 'telegraph',
  'semaphore', 'cipher', 'radio', 'static', 'signal', 'pixel', 'riddle', 'puzzle',
  'labyrinth', 'lattice', 'spiral', 'zigzag', 'tangle', 'knot', 'rune', 'potion',
  // weather, land and sky
  'thunder', 'fog', 'drizzle', 'rain', 'puddle', 'snowflake', 'frost', 'blizzard',
  'breeze', 'zephyr', 'monsoon', 'glacier', 'volcano', 'tundra', 'canyon', 'river',
  'waterfall', 'meadow', 'harbour', 'lighthouse', 'lagoon', 'reef', 'coral', 'kelp',
  'seashell', 'barnacle', 'sandcastle', 'tide', 'starlight', 'moonbeam', 'twilight', 'comet',
  'galaxy', 'nebula', 'quasar', 'pulsar', 'nova', 'meteor', 'planet', 'satellite',
  'rocket', 'gravity',
  // garden and hedgerow
  'moss', 'lichen', 'mushroom', 'bramble', 'thistle', 'clover', 'dandelion', 'lavender',
  'fern', 'willow', 'birch', 'cedar', 'juniper', 'maple', 'bamboo', 'cactus',
  'tulip', 'daisy', 'poppy', 'sunflower', 'bluebell', 'nettle', 'sorrel', 'yarrow',
  'pinecone', 'walnut', 'cobweb', 'tumbleweed',
  // small creatures
  'tadpole', 'beetle', 'firefly', 'cricket', 'sparrow', 'heron', 'badger', 'walrus',
  'penguin', 'pelican', 'toad', 'snail', 'hedgehog', 'gecko', 'marmot', 'mongoose',
  // moods and commotions
  'mischief', 'nonsense', 'wobble', 'hiccup', 'jitter', 'shimmer', 'murmur', 'whisper',
  'grumble', 'giggle', 'snooze', 'doodle', 'kerfuffle', 'hullabaloo', 'rumpus', 'bonfire',
];

/** Name building: syllables combine as START + (optional MIDDLE) + END into one-word names of 3-12 letters, e.g. "Pim" + "bl" + "ewort". At least 30 of each. Capitalised START. */
export const NAME_STARTS: readonly string[] = [
  'Pim', 'Bram', 'Tum', 'Fen', 'Quin', 'Lin', 'Mol', 'Wil',
  'Hal', 'Bar', 'Mor', 'Tib', 'Nim', 'Dor', 'Gil', 'Kel',
  'Zam', 'Vel', 'Jun', 'Pol', 'Bel', 'Tam', 'Cor', 'Fil',
  'Hum', 'Mir', 'Nel', 'Wen', 'Dun', 'Orm', 'Wim', 'Marl',
  'Gorm', 'Thorn', 'Quib', 'Barn', 'Ember', 'Rum',
];

export const NAME_MIDDLES: readonly string[] = [
  'bl', 'br', 'cl', 'cr', 'ph', 'dr', 'fl', 'fr',
  'gl', 'gr', 'kl', 'pl', 'qu', 'tr', 'sk', 'sl',
  'sn', 'sm', 'st', 'sw', 'th', 'ch', 'sh', 'b',
  'g', 'k', 'p', 't', 'v', 'z', 'l', 'm',
];

export const NAME_ENDS: readonly string[] = [
  'a', 'o', 'y', 'ie', 'in', 'on', 'en', 'et',
  'ix', 'ick', 'ock', 'ett', 'ella', 'ina', 'ino', 'ora',
  'usk', 'ump', 'ewort', 'ewick', 'amble', 'umble', 'ibble', 'ottle',
  'addle', 'erby', 'ibald', 'ovan', 'ertle', 'oodle', 'ustle', 'iver',
];

type Stat = 'DEBUGGING' | 'PATIENCE' | 'CHAOS' | 'WISDOM' | 'SNARK';

/** Personality sentence templates keyed by the buddy's PEAK stat; each has 6 templates. Placeholders: {name}, {species}, {word} (an inspiration word), {dump} (the buddy's weakest stat in lower case, e.g. "patience"). Each filled template must stay under 160 characters. */
export const PEAK_TEMPLATES: Readonly<Record<Stat, readonly string[]>> = {
  DEBUGGING: [
    '{name} reads stack traces like bedtime stories, slowly and doing all the voices. Its {dump} is mostly decorative.',
    '{name} the {species} can smell a null from three files away and sneezes politely to point it out. Nobody asks about its {dump}.',
    "Give {name} a failing test and it circles it twice, taps it once and finds the typo. Its bug jar is labelled '{word}'.",
    '{name} believes every bug wants to be found and only needs asking nicely. Its {dump} went missing in a refactor.',
    '{name} solves bugs in a {word}-coloured detective coat and takes notes on your variable names. Its {dump} is a rumour.',
    '{name} bisects problems for fun and once bisected its own lunch. Ask about its {dump} and it changes the subject to logging.',
  ],
  PATIENCE: [
    '{name} once sat through a forty-minute build without blinking, then blinked, just to be polite. Its {dump} comes in small sips.',
    'Nothing rushes {name}. It watches flaky tests the way others watch rain, calmly, over a cup of {word} tea.',
    '{name} the {species} keeps a steady pace and a pocket of {word}-scented calm for hard days. Its {dump} is still loading.',
    '{name} believes every bug surrenders eventually if you make it tea and wait. Its {dump} is a seedling nobody waters.',
    'When everything is on fire, {name} quietly folds the error messages into paper boats. Its {dump} is strictly theoretical.',
    '{name} has the calm of something that has seen a thousand merges and forgiven each one. It dreams of {word}, never deadlines.',
  ],
  CHAOS: [
    '{name} renames variables for the drama and once rebased on a dare. It smells of {word} and burnt toast. Its {dump} left in a huff.',
    "This {species} greets every deploy by nudging one small thing off the desk. {name} calls it testing. '{dump}' is not in its vocabulary.",
    '{name} keeps three half-finished ideas in its cheeks and spits out the wrong one with total confidence. Its {dump} is on holiday.',
    'Rules are suggestions to {name}, and suggestions are snacks. It is building a shrine to {word} and will not say why.',
    '{name} the {species} once fixed a bug by accident while chasing a shinier bug. Its {dump} is a coin it flips when bored.',
    '{name} hums in the wrong key, commits in the wrong order and is right far more often than it should be. It claims to speak {word}.',
  ],
  WISDOM: [
    '{name} speaks rarely, and always in a way that makes the bug feel embarrassed. It has a theory about {word} that takes three days to explain.',
    'This {species} has read all the docs, twice, and still asks how you are before anything else. {name} traded its {dump} for a good book.',
    '{name} sees the shape of a problem before the problem knows it has one. Its {dump}, however, is stuck firmly in the shallows.',
    '{name} answers questions with kinder questions and is quietly, annoyingly right about naming. It meditates on {word} each morning.',
    '{name} is old in a way that has nothing to do with age and smells of {word} and library paste. Its {dump} never got past chapter one.',
    '{name} presses every lesson flat in a notebook that smells of {word}. Its {dump} is a blank page it keeps meaning to fill.',
  ],
  SNARK: [
    '{name} has opinions about your indentation and shares them with love and eyebrows. Its {dump} is a sore subject, so do not ask.',
    'This {species} reviews code the way a cat reviews a box: thoroughly, then by sitting on it. {name} runs on {word} and sarcasm.',
    "{name} rolls its eyes at magic numbers and applauds, sincerely, at good commit messages. Its {dump} is, in its words, 'overrated'.",
    "{name} the {species} gives every bug a nickname before roasting it gently. Its highest insult is '{word}', said with affection.",
    'Behind the sighs, {name} is rooting for you and will deny it loudly. Its {dump} filed a formal complaint and was ignored.',
    "{name} keeps a tally of every 'quick fix' that was not quick and reads it aloud on Fridays. It is mysteriously allergic to {word}.",
  ],
};

/** A second short clause/sentence about quirks, 12 templates, same placeholders, each under 80 characters filled. */
export const QUIRK_TEMPLATES: readonly string[] = [
  'It hoards {word} and will not say where.',
  "{name} hiccups whenever anyone says 'legacy'.",
  'It sleeps curled around the cursor.',
  "Its favourite word is '{word}', for reasons of its own.",
  '{name} counts semicolons to fall asleep.',
  'It is convinced that {word} is a kind of cheese.',
  'It salutes every passing build, a beat too late.',
  '{name} is wary of the letter Q and will not explain.',
  'It writes tiny poems about {word} in the margins.',
  'It sulks for exactly four seconds after a typo, then forgives everyone.',
  'Like every {species}, it sneezes at mixed tabs and spaces.',
  'It insists {dump} is a myth invented by owls.',
];

/** Short in-character replies for offline chat (no model available), keyed by peak stat, 8 each, at most 60 chars. May use {name}. They answer any small talk, so none assumes what was said. */
export const OFFLINE_REPLIES: Readonly<Record<Stat, readonly string[]>> = {
  DEBUGGING: [
    'Hm. I always check the line above it. Habit.',
    '{name} squints. Something smells off-by-one.',
    'When in doubt, print it out. Then the line before.',
    'My guess for everything: a typo. It usually is.',
    'I read everything slowly. Out loud. Just in case.',
    'First question, always: is it cached?',
    '{name} taps the screen. That variable looks shifty.',
    'Small examples are my favourite kind of thing.',
  ],
  PATIENCE: [
    "No rush. I'm right here.",
    'Take a breath. The bug will wait for us.',
    '{name} settles in. We have all the time we need.',
    "Step by step. That's how mountains move.",
    "It's okay to take a break. I'll keep watch.",
    'One thing at a time, friend.',
    "{name} nods slowly. You're doing fine.",
    'Slow is smooth. Smooth is fast.',
  ],
  CHAOS: [
    'What if we deleted everything? Kidding! Unless...?',
    '{name} spins in a circle. That means yes.',
    "Ooh, let's try everything in production. No? Fine.",
    'I licked the keyboard. It tastes like bugs.',
    "Chaos is just order that hasn't met you yet.",
    '{name} knocks a variable off the desk. Oops!',
    "Rename everything to 'banana'. Trust me.",
    'Coin flip! Heads: refactor. Tails: also refactor.',
  ],
  WISDOM: [
    'The bug is rarely where the error points.',
    '{name} considers this. Simple is usually kinder.',
    'Name things well and half your troubles go home.',
    'Sleep on it. Code is clearer in the morning.',
    'Every green test was red once.',
    'Ask what changed. The answer hides there.',
    '{name} says: the docs knew all along.',
    'Small commits, big peace.',
  ],
  SNARK: [
    'My opinion? Nobody asked. I love it anyway.',
    "{name} raises an eyebrow. It doesn't have eyebrows.",
    "Every 'quick fix' I have met was neither.",
    "I'm not saying it's the cache. I'm implying it.",
    '{name} sighs theatrically, then helps anyway.',
    'I keep a museum of old TODOs. It is very full.',
    "That's a choice. A brave one. I respect it.",
    "'Works on my machine.' Then ship the machine.",
  ],
};
