// Whether the pet may move. Motion is uncomfortable for some people, so every common switch turns it off:
// the --no-anim flag, `buddy config animation off`, and BUDDY_NO_ANIM, NO_MOTION or REDUCE_MOTION set to
// anything but an empty string, 0 or false. A terminal that cannot redraw in place (TERM=dumb) gets no
// motion either: every animation moves the cursor.
import { canRedraw } from '../render/terminal.js';

export const NO_MOTION_VARIABLES = ['BUDDY_NO_ANIM', 'NO_MOTION', 'REDUCE_MOTION'] as const;

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function motionAllowed(env: NodeJS.ProcessEnv, animationSetting: boolean, noAnimFlag: boolean | undefined, platform: NodeJS.Platform = process.platform): boolean {
  return !noAnimFlag && animationSetting && !NO_MOTION_VARIABLES.some((name) => isSet(env[name])) && canRedraw(env, platform);
}
