// The shape of Buddy's config file, shared by the conf-backed store and the light read-only reader.
import type { Bones } from '../engine/roll.js';

export type SoulSource = 'model' | 'offline';

export interface Exchange {
  readonly at: string;
  readonly user: string;
  readonly buddy: string;
}

/** A hatched buddy: the bones as rolled at hatch time, and the soul written for them. */
export interface StoredBuddy {
  readonly rollVersion: number;
  readonly idHash: string;
  readonly salt: string;
  readonly bones: Bones;
  readonly name: string;
  readonly personality: string;
  readonly hatchedAt: string;
  readonly soulSource: SoulSource;
  readonly model?: string;
  readonly memory: readonly Exchange[];
}

export type StatuslineLayout = 'compact' | 'full';

export interface Settings {
  readonly animation: boolean;
  readonly statuslineLayout: StatuslineLayout;
  readonly muted: boolean;
  readonly model?: string;
}

export interface ConfigData {
  readonly localUserId?: string;
  readonly settings: Settings;
  readonly buddy?: StoredBuddy;
}

export const DEFAULT_SETTINGS: Settings = { animation: true, statuslineLayout: 'compact', muted: false };

/** JSON schema handed to conf; loose on purpose where later versions may add fields. */
export const CONFIG_SCHEMA = {
  localUserId: { type: 'string', minLength: 1 },
  settings: {
    type: 'object',
    properties: {
      animation: { type: 'boolean' },
      statuslineLayout: { enum: ['compact', 'full'] },
      muted: { type: 'boolean' },
      model: { type: 'string' },
    },
  },
  buddy: {
    type: 'object',
    required: ['rollVersion', 'idHash', 'salt', 'bones', 'name', 'personality', 'hatchedAt', 'soulSource'],
    properties: {
      rollVersion: { type: 'integer' },
      idHash: { type: 'string' },
      salt: { type: 'string' },
      bones: { type: 'object' },
      name: { type: 'string', minLength: 1 },
      personality: { type: 'string' },
      hatchedAt: { type: 'string' },
      soulSource: { enum: ['model', 'offline'] },
      model: { type: 'string' },
      memory: { type: 'array' },
    },
  },
} as const;

/** Normalises whatever a config file holds into a ConfigData with defaults filled in. */
export function normaliseConfig(raw: unknown): ConfigData {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings = typeof record.settings === 'object' && record.settings !== null ? record.settings : {};
  const buddy = record.buddy as StoredBuddy | undefined;
  return {
    ...(typeof record.localUserId === 'string' ? { localUserId: record.localUserId } : {}),
    settings: { ...DEFAULT_SETTINGS, ...(settings as Partial<Settings>) },
    ...(buddy && typeof buddy === 'object' ? { buddy: { ...buddy, memory: buddy.memory ?? [] } } : {}),
  };
}
