// Validation of what the model says when it talks: clean it, keep it short, and catch answers that speak
// as an assistant or break character. Pure.
import { sanitizeLine } from '../text/sanitize.js';

export const MAX_ANSWER_LENGTH = 220;

const BREAKS_CHARACTER = [
  /\bas an (ai|artificial intelligence|assistant|language model)\b/i,
  /\bI(?:'m| am) (?:an? )?(?:ai|assistant|language model|large language model|chatbot|claude)\b/i,
  /\bI(?:'m| am) Claude\b/i,
  /\bhow (?:can|may) I (?:help|assist) you\b/i,
  /\bI (?:can(?:no|')t|am unable to|am not able to) (?:browse|access the internet)/i,
  /\bmade by Anthropic\b/i,
  /```/,
];

export type AnswerCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'out-of-character' };

/** Keeps the first two sentences and caps the length at a word boundary. */
export function shortenAnswer(text: string): string {
  const sentences = text.match(/[^.!?…]+[.!?…]+["')\]]*|[^.!?…]+$/g) ?? [text];
  let short = sentences.slice(0, 2).join('').trim();
  if (short.length > MAX_ANSWER_LENGTH) {
    const cut = short.slice(0, MAX_ANSWER_LENGTH - 1);
    short = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_ANSWER_LENGTH / 2))}…`;
  }
  return short;
}

export function checkAnswer(raw: string, userMessage: string): AnswerCheck {
  const clean = sanitizeLine(raw).replace(/\s+/g, ' ').trim();
  if (clean.length === 0 || /^[.…\s]*$/.test(clean)) return { ok: false, reason: 'empty' };
  if (BREAKS_CHARACTER.some((pattern) => pattern.test(clean))) return { ok: false, reason: 'out-of-character' };
  if (clean.toLowerCase() === userMessage.trim().toLowerCase()) return { ok: false, reason: 'empty' };
  return { ok: true, text: shortenAnswer(clean) };
}

/** What the buddy "says" when there is nothing usable to say. */
export function placeholderAnswer(name: string): string {
  return `*${name} blinks slowly and says nothing*`;
}
