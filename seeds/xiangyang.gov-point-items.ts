import type { SeedDb } from './support/seed-db';

/**
 * Seed step: what each 24-hour government service point handles — every active catalogue item
 * handled by self-service terminal whose responsible department's jurisdiction contains the
 * point's station (provincial and city items everywhere, 樊城区 items in 樊城区). One set-based
 * statement, deterministic because it follows the seeded catalogue and platforms.
 */
export async function seedGovPointItems(db: SeedDb): Promise<Record<string, number>> {
  const rows = await db.execute(`
    insert into platform_service_item (platform_id, service_item_id)
    select p.id, i.id
    from platform p
    join station s on s.id = p.station_id
    join region r on r.id = s.region_id
    join service_item i on i.active and i.handling_mode = 'SELF_SERVICE_TERMINAL'
    join department d on d.id = i.department_id
    join region jurisdiction on jurisdiction.id = d.region_id
    where p.kind = 'GOV_SERVICE_24H' and r.path like jurisdiction.path || '%'
    returning platform_id`);
  return { govPointItems: rows.length };
}
