import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Public } from '../../auth/visibility';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { plannedField } from '../../graphql/plan/planned-field';
import { ConnectionArgs } from '../../graphql/relay';
import { UserErrorCode } from '../../graphql/errors';
import type { Problems } from '../../graphql/mutation';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { requireRecorder } from '../audit/change-recorder';
import { ServiceItemConnection, type ServiceItemRecord } from '../service-item/service-item.types';
import { PlatformServiceItem } from './platform-service-item.entity';
import { GovServicePoint24hType, PLATFORM_TYPENAMES, type PlatformRecord } from './platform.types';

/** At most this many items per 24-hour point (the catalogue has about 130). */
export const GOV_POINT_ITEMS_MAX = 200;

/**
 * Resolves the catalogue codes a 24-hour point is to handle: unknown and inactive items are user
 * errors at their index. `undefined`/`null`: leave as is.
 */
export async function resolveGovPointItems(ctx: Context, problems: Problems, field: string, codes: readonly string[] | null | undefined): Promise<ServiceItemRecord[] | undefined> {
  if (codes == null) return undefined;
  const distinct = [...new Set(codes.map((code) => code.trim()))];
  if (distinct.length > GOV_POINT_ITEMS_MAX) {
    problems.add(field, UserErrorCode.INVALID, 'GOV_POINT_ITEMS_TOO_MANY', { max: GOV_POINT_ITEMS_MAX });
    return undefined;
  }
  const items = await Promise.all(distinct.map((code) => ctx.loaders.serviceItemByCode.load(code)));
  const found: ServiceItemRecord[] = [];
  items.forEach((item, index) => {
    const at = `${field}.${codes.findIndex((code) => code.trim() === distinct[index])}`;
    if (!item) problems.add(at, UserErrorCode.NOT_FOUND, 'SERVICE_ITEM_NOT_FOUND', { code: distinct[index] });
    else if (!item.active) problems.add(at, UserErrorCode.INVALID, 'SERVICE_ITEM_INACTIVE', { name: item.name, code: item.code });
    else found.push(item);
  });
  return found;
}

/**
 * Inside the unit of work: makes the items a 24-hour point handles exactly `items`, and reports
 * the list, before and after, to the unit's change recorder as the platform's `serviceItems`
 * (the list lives in a table of its own, which no flush sees). Returns whether it changed; the
 * caller touches the platform so that its version goes up with it.
 */
export async function replaceGovPointItems(em: EntityManager, platformId: string, items: readonly ServiceItemRecord[]): Promise<boolean> {
  const rows = await em.execute<RowOf<PlatformServiceItem, 'serviceItem'>[]>(
    `select ${columnsOf(PlatformServiceItem, 'psi', ['serviceItem'])} from platform_service_item psi where psi.platform_id = ?`,
    [platformId],
  );
  const before = rows.map((row) => row.service_item_id).sort();
  const after = [...new Set(items.map((item) => item.dbId))].sort();
  requireRecorder(em).reportField('Platform', platformId, 'serviceItems', before, after);
  if (before.length === after.length && before.every((id, index) => id === after[index])) return false;
  await em.execute('delete from platform_service_item where platform_id = ?', [platformId]);
  if (after.length) {
    await em.execute(
      `insert into platform_service_item (platform_id, service_item_id) values ${after.map(() => '(?, ?)').join(', ')}`,
      after.flatMap((id) => [platformId, id]),
    );
  }
  return true;
}

@Resolver(() => GovServicePoint24hType)
export class GovServicePointItemsResolver {
  @Public()
  @FieldResolver(() => ServiceItemConnection, {
    description: '本服务驿站自助终端可办理的服务事项（按事项编码排序）Service items its self-service terminals handle, by catalogue code',
  })
  serviceItems(
    @Root() platform: PlatformRecord,
    // Declares the paging arguments; the planner reads them (see platform.read-model.ts).
    @Args(() => ConnectionArgs) _args: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return plannedField(ctx, info, PLATFORM_TYPENAMES.GOV_SERVICE_24H, platform.dbId, 'uuid');
  }
}
