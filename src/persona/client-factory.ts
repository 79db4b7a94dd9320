// Picks the model client: the real SDK-backed one when a key is set (imported lazily, so nothing pays
// for the SDK until a model call is really needed), none otherwise (offline writer and lines).
import { hasApiKey, modelName, type ModelClient } from './model-client.js';

export async function loadModelClient(env: NodeJS.ProcessEnv, configuredModel: string | undefined): Promise<ModelClient | undefined> {
  if (!hasApiKey(env)) return undefined;
  const { createAnthropicClient } = await import('./anthropic-client.js');
  return createAnthropicClient(env, modelName(env, configuredModel));
}
