// System prompts are built from sections: a static part identical for every buddy (cached by the API),
// then the named boundary, then the dynamic part for this buddy. Pure: no IO, no clock.

/** Everything before this marker is byte-identical for every buddy and every request. */
export const SYSTEM_PROMPT_DYNAMIC_BOUNDARY = '=== BUDDY-SPECIFIC CONTEXT BELOW (not cached) ===';

export interface SystemBlock {
  readonly type: 'text';
  readonly text: string;
  readonly cache_control?: { readonly type: 'ephemeral' };
}

/** The static section, marked as a prompt-cache breakpoint. */
export function staticSection(text: string): SystemBlock {
  return { type: 'text', text, cache_control: { type: 'ephemeral' } };
}

/** The dynamic section always starts with the boundary, so a reader of the request can see the split. */
export function dynamicSection(lines: readonly string[]): SystemBlock {
  return { type: 'text', text: [SYSTEM_PROMPT_DYNAMIC_BOUNDARY, ...lines].join('\n') };
}

/**
 * A section placed before the boundary whose text varies by buddy. It breaks the prompt cache for
 * everyone, so it must only be used with a stated reason; nothing in Buddy uses it today.
 */
export function DANGEROUS_uncachedStaticSection(text: string, reason: string): SystemBlock {
  if (reason.trim().length === 0) throw new Error('DANGEROUS_uncachedStaticSection needs a reason');
  return { type: 'text', text };
}
