// The root of `buddy` on a terminal: the hatch first when there is no soul yet, then the pet.
import { useCallback, useState } from 'react';
import { hatchGreeting } from '../pet/first-frame.js';
import { HatchScreen } from './HatchScreen.js';
import { PetScreen, type PetScreenProps } from './PetScreen.js';

export interface SoulView {
  readonly name: string;
  readonly personality: string;
  readonly soulNote: string;
  /** A one-line note about how the soul was written (e.g. why the model was not used). */
  readonly warning?: string;
}

export interface BuddyAppProps
  extends Pick<PetScreenProps, 'bones' | 'sprite' | 'hats' | 'animate' | 'palette' | 'respond' | 'now' | 'notice' | 'startedAt' | 'growth' | 'languageNote' | 'readJournal' | 'watchReactions'> {
  readonly soul: SoulView | undefined;
  /** Writes (and stores) the soul when there is none yet. */
  readonly hatch: () => Promise<SoulView>;
}

export function BuddyApp(props: BuddyAppProps) {
  const [soul, setSoul] = useState(props.soul);
  const [justHatched, setJustHatched] = useState(false);
  const onHatched = useCallback((written: SoulView) => {
    setSoul(written);
    setJustHatched(true);
  }, []);

  if (!soul) {
    return <HatchScreen rarity={props.bones.rarity} writeSoul={props.hatch} onHatched={onHatched} now={props.now} palette={props.palette} />;
  }
  const greeting = justHatched ? hatchGreeting(soul.name, soul.personality) : undefined;
  const notice = justHatched ? soul.warning : props.notice;
  return (
    <PetScreen
      bones={props.bones}
      name={soul.name}
      personality={soul.personality}
      soulNote={soul.soulNote}
      languageNote={props.languageNote}
      readJournal={props.readJournal}
      sprite={props.sprite}
      hats={props.hats}
      animate={props.animate}
      palette={props.palette}
      respond={props.respond}
      now={props.now}
      initialBubble={greeting}
      notice={notice}
      startedAt={justHatched ? undefined : props.startedAt}
      growth={props.growth}
      watchReactions={props.watchReactions}
    />
  );
}
