// Word wrap and truncation by display width, for plain-text faces (statusline, hooks). Pure.
import { displayWidth } from '../text/display-width.js';

export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const character of text) {
    if (displayWidth(`${out}${character}…`) > width) break;
    out += character;
  }
  return `${out}…`;
}

export function wrapToWidth(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (displayWidth(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = displayWidth(word) > width ? truncateToWidth(word, width) : word;
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncateToWidth(`${kept[maxLines - 1]} …`, width);
    return kept;
  }
  return lines;
}
