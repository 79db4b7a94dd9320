// Kept only for src/mcp/handlers.ts, which still journals the temperament under the name "mood"; once it
// journals the growth mood (src/buddy/feeling.ts: moodNow), this file goes. Use ./temperament.js.
import { temperamentAt } from './temperament.js';

/** @deprecated The temperament, not the mood: use temperamentAt, and moodNow for the mood. */
export const moodAt = temperamentAt;
