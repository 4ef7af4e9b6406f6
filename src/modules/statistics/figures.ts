import { sql, type SqlFragment } from '../../db/sql';
import { badInputOf } from '../../graphql/relay';

/** `{ code, name }` of the region with this code, as the figures name it (null when there is none). */
export function regionKeySql(code: string): SqlFragment {
  return sql`(select json_build_object('code', r.code, 'name', r.name) from region r where r.code = ${code})`;
}

/** The figures' region must exist: an unknown code is BAD_USER_INPUT rather than zeros that look like a fact. */
export function assertRegionFound(figures: Record<string, unknown>, code: string): Record<string, unknown> {
  if (figures.$region == null) throw badInputOf('FIGURES_REGION_NOT_FOUND', { code }, 'regionCode');
  return figures;
}
