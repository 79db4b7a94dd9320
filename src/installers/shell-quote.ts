// Shell words for the commands Buddy writes into host files and prints for the person to run, and the
// one-line form of someone else's command that a report may show.

/** A word a shell reads as itself, without quotes. */
export const SAFE_WORD = /^[\w./:@%+=,-]+$/;

/** Single quotes, whatever the text holds (newlines included). */
export function shellQuote(text: string): string {
  return SAFE_WORD.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The inverse of shellQuote. */
export function unquote(text: string): string {
  return /^'.*'$/s.test(text) ? text.slice(1, -1).replace(/'\\''/g, "'") : text;
}

/** Someone else's command, shown on one line with no control characters left to act on a terminal. */
export function shownCommand(command: string): string {
  return JSON.stringify(command).replace(/[\u007f-\u009f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
