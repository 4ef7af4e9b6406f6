import { Migration } from '@mikro-orm/migrations';

/** The record types external references may name, before and after this migration. */
const TYPES_BEFORE = ['Platform', 'ServiceItem', 'StationServiceItem', 'Organization'];
const TYPES_AFTER = [...TYPES_BEFORE, 'VolunteerTeam', 'DeliberationVenue'];
/** The tables that join, with their record type. */
const ADDED = [
  ['volunteer_team', 'VolunteerTeam'],
  ['deliberation_venue', 'DeliberationVenue'],
] as const;

const typesCheck = (types: string[]) =>
  `alter table external_ref add constraint external_ref_record_type_check check (record_type in (${types.map((type) => `'${type}'`).join(', ')}));`;

/**
 * Volunteer teams and deliberation venues carry partners' external references like the other
 * community records (organizations): the record type check lets them in, and deleting one of
 * their rows deletes its references with it, as for the others (Migration20261127090000).
 */
export class Migration20261201060000_external_ref_teams_and_venues extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table external_ref drop constraint external_ref_record_type_check;`);
    this.addSql(typesCheck(TYPES_AFTER));
    for (const [table, type] of ADDED) {
      this.addSql(`create trigger ${table}_external_ref_delete after delete on ${table} for each row execute function external_ref_delete_with_record('${type}');`);
    }
  }

  override async down(): Promise<void> {
    for (const [table, type] of ADDED) {
      this.addSql(`delete from external_ref where record_type = '${type}';`);
      this.addSql(`drop trigger if exists ${table}_external_ref_delete on ${table};`);
    }
    this.addSql(`alter table external_ref drop constraint external_ref_record_type_check;`);
    this.addSql(typesCheck(TYPES_BEFORE));
  }
}
