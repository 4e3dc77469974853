import type { ApiDefinition, ServerWorld } from '../contract.js';
import { copyHostValue } from './copy-host-value.js';
import { serverWorldOf } from './world-of.js';

const listenersByWorld = new WeakMap<
  ServerWorld,
  Map<string, Array<(...args: unknown[]) => unknown>>
>();

function listenersOf(world: ServerWorld): Map<string, Array<(...args: unknown[]) => unknown>> {
  let listeners = listenersByWorld.get(world);
  if (listeners === undefined) {
    listeners = new Map();
    listenersByWorld.set(world, listeners);
  }
  return listeners;
}

/** `addMessageListener(messageType, callback(messageType, message))` (use_message, listen). */
export const addMessageListenerApi: ApiDefinition = {
  name: 'addMessageListener',
  contexts: ['server'],
  create: (environment) => (messageType, callback) => {
    environment.permissions.assert('addMessageListener', 'use_message', 'listen', messageType);
    if (typeof messageType !== 'string' || typeof callback !== 'function') return;
    const listeners = listenersOf(serverWorldOf(environment));
    listeners.set(messageType, [
      ...(listeners.get(messageType) ?? []),
      callback as (...args: unknown[]) => unknown,
    ]);
  },
};

/** `hasMessageListener(messageType)` → whether anyone listens (use_message, send: senders ask it). */
export const hasMessageListenerApi: ApiDefinition = {
  name: 'hasMessageListener',
  contexts: ['server'],
  create: (environment) => (messageType) => {
    environment.permissions.assert('hasMessageListener', 'use_message', 'send', messageType);
    return (
      typeof messageType === 'string' &&
      (listenersOf(serverWorldOf(environment)).get(messageType)?.length ?? 0) > 0
    );
  },
};

/**
 * `sendMessage(messageType, message)`: hands a copy of the message to every listener of the
 * type, at once and in the order they registered.
 */
export const sendMessageApi: ApiDefinition = {
  name: 'sendMessage',
  contexts: ['server'],
  create: (environment) => (messageType, message) => {
    environment.permissions.assert('sendMessage', 'use_message', 'send', messageType);
    if (typeof messageType !== 'string') return;
    for (const listener of listenersOf(serverWorldOf(environment)).get(messageType) ?? []) {
      listener(messageType, copyHostValue(message));
    }
  },
};
