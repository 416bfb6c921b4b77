import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal.js';

/** Per-request facts every layer may need: who asks, from where, under which request id. */
export interface RequestContext {
  requestId: string;
  ip: string | undefined;
  userAgent: string | undefined;
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function setCurrentPrincipal(principal: Principal): void {
  const context = storage.getStore();
  if (context) context.principal = principal;
}
