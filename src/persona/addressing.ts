// Is the person talking to the buddy? Only when its name appears as a whole word (any case), or as @Name.
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function addressesBuddy(message: string, name: string): boolean {
  if (name.trim() === '') return false;
  // Letters, digits and apostrophes join words, so "Pipkins" does not call "Pip", and "Pip's" does.
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])@?${escapeRegExp(name.trim())}(?![\\p{L}\\p{N}_])`, 'iu');
  return pattern.test(message);
}
