// The pet's daily greeting, as a source of lines it says (the same shape as the agent's reactions): right
// after the screen opens on a hatched buddy, the offline greeting when today is not claimed yet, then the
// model's line in its place when it comes while the first still shows. The line finally said is journaled once (source `daily`): the
// model's, or the offline one when the model says nothing or the pet closes first.
import { journal } from '../journal/append.js';
import { bubbleDurationMs } from '../pet/timing.js';
import type { Pose } from '../sprites/parse.js';
import type { Settings, StoredBuddy } from '../store/schema.js';
import { greetToday } from './daily.js';
import { modelGreeting } from './daily-model.js';
import { moodNow } from './feeling.js';

export type DailyListener = (line: { readonly text: string; readonly pose: Pose }) => void;

export function watchDailyGreeting(env: NodeJS.ProcessEnv, buddy: StoredBuddy, settings: Settings, session: string, now: () => number = Date.now) {
  return (listener: DailyListener): (() => void) => {
    let stopped = false;
    let unsaid: (() => void) | undefined;
    const timer = setTimeout(() => {
      const at = now();
      const greeting = greetToday(env, buddy, settings, at);
      if (!greeting) return;
      listener({ text: greeting.text, pose: 'happy' });
      let journaled = false;
      const keep = (text: string): void => {
        if (journaled) return;
        journaled = true;
        journal({ source: 'daily', text, session, name: buddy.name, mood: moodNow(buddy, settings.care, at) }, env);
      };
      unsaid = () => keep(greeting.text);
      // The model's line takes the offline one's place only while that is still showing: later, the
      // screen has moved on, and a greeting out of the blue would cover whatever is there now.
      const showingUntil = at + bubbleDurationMs(greeting.text);
      modelGreeting(env, buddy, settings, greeting.fact).then(
        (text) => {
          const inPlace = text !== undefined && !stopped && now() <= showingUntil;
          keep(inPlace ? text : greeting.text);
          if (inPlace) listener({ text, pose: 'happy' });
        },
        () => keep(greeting.text),
      );
    }, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsaid?.();
    };
  };
}
