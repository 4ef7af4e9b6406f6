import type { Request } from 'express';
import { ANONYMOUS, type Principal } from './principal';

/** Resolves the request's credentials to a Principal. */
export function authenticate(_req: Request): Principal {
  return ANONYMOUS;
}
