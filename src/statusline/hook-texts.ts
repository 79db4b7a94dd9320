// What the hooks tell the agent about the buddy. The one rule: the buddy is a separate small creature,
// not the agent; the agent stays out of its way and never speaks for it.
import type { StoredBuddy } from '../store/schema.js';

export function introductionContext(buddy: StoredBuddy): string {
  const { name, bones } = buddy;
  return [
    `A small creature named ${name} (a ${bones.rarity} ${bones.species}) sits beside the user's input box, in the status line.`,
    `${name} is a separate little watcher, not you: you are not ${name}, you never speak for it or describe what it says.`,
    `When the user talks to ${name} by name, ${name} answers by itself in the status line; stay out of the way and keep your own reply to one short line at most.`,
  ].join(' ');
}

export function addressedContext(buddy: StoredBuddy): string {
  const { name, bones } = buddy;
  return [
    `The user's message is addressed to ${name}, the small ${bones.species} in the status line beside the input.`,
    `${name} is not you and is answering by itself right now.`,
    `Do not answer for ${name} or pretend to be it. Reply in one short line at most, or just continue with any task the message also contains.`,
  ].join(' ');
}
