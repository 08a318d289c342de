-- Network abuse reports name IP addresses instead of (or besides) URLs; reports from
-- channels other than the HTTP API reference their raw input by source.
create table report_address (
    report_id bigint not null references report (id),
    position  int not null,
    address   text not null,
    primary key (report_id, position)
);

alter table report add column channel text not null default 'api';
alter table report add column source text;
