import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { Authenticator } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import type { Config } from '../config';
import { createSqlReader, type SqlReader } from '../db/sql';
import { localeFromAcceptLanguage, type Locale } from '../i18n/locale';
import { createLoaders, type Loaders } from './loaders';
import { requestScope } from './request-scope';

export interface Context {
  requestId: string;
  locale: Locale;
  principal: Principal;
  /** A fresh EntityManager for this request's writes. */
  em: EntityManager;
  /** Plain-row reads. */
  db: SqlReader;
  loaders: Loaders;
  /** The running configuration (e.g. where webhook URLs may point). */
  config: Config;
}

export async function buildContext(orm: MikroORM, req: Request, authenticate: Authenticator, config: Config): Promise<Context> {
  const db = createSqlReader(orm.em.getKnex());
  const requestId = String(req.res?.getHeader('x-request-id') ?? randomUUID());
  const principal = await authenticate(req, db);
  const scope = requestScope.getStore();
  if (scope) Object.assign(scope, { principal, requestId });
  return {
    requestId,
    locale: localeFromAcceptLanguage(req.headers['accept-language']),
    principal,
    em: orm.em.fork(),
    db,
    loaders: createLoaders(db),
    config,
  };
}
