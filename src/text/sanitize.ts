// Model text and typed text are untrusted: strip terminal control sequences before they reach a screen
// or a file. Removes ESC/CSI/OSC/DCS sequences, C0 and C1 controls, and bidirectional overrides that
// could disguise text; everything Buddy shows from such text is a single line, so line breaks (including
// the Unicode line and paragraph separators) become spaces.
/* eslint-disable no-control-regex */
const OSC_OR_STRING = /\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
const CSI = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g;
const OTHER_ESCAPE = /\u001b[ -/]*[0-~]?/g;
// DCS, SOS, OSC, PM and APC open a string that runs to ST (or BEL, or the end of the text).
const C1_STRING = /[\u0090\u0098\u009d\u009e\u009f][\s\S]*?(?:\u0007|\u009c|$)/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/* eslint-enable no-control-regex */

/** Caps a length without splitting a surrogate pair (half an emoji would display as garbage). */
export function cutToLength(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const code = text.charCodeAt(maxLength - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? maxLength - 1 : maxLength);
}

function stripSequences(text: string): string {
  return text.replace(OSC_OR_STRING, '').replace(C1_STRING, '').replace(CSI, '').replace(OTHER_ESCAPE, '').replace(BIDI, '');
}

const LINE_BREAKS_AND_TABS = /[\r\n\t\u2028\u2029]+/g;

/** For one line: line breaks and tabs become spaces, every control is dropped. */
export function sanitizeLine(text: string, maxLength = 1_000): string {
  const cleaned = stripSequences(text)
    .replace(LINE_BREAKS_AND_TABS, ' ')
    .replace(CONTROLS, '');
  return cutToLength(cleaned, maxLength);
}
