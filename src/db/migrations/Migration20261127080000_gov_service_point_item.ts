import { Migration } from '@mikro-orm/migrations';

/** The service items a 24-hour government service point (GOV_SERVICE_24H platform) handles at its terminals. */
export class Migration20261127080000_gov_service_point_item extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table platform_service_item (
        platform_id uuid not null references platform(id) on delete cascade,
        service_item_id uuid not null references service_item(id) on delete restrict,
        primary key (platform_id, service_item_id)
      );`);
    this.addSql(`create index platform_service_item_item_idx on platform_service_item (service_item_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists platform_service_item;`);
  }
}
