"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-29 16:43:50.417206
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('etl_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.String(length=32), nullable=False),
    sa.Column('finished_at', sa.String(length=32), nullable=True),
    sa.Column('data_dir', sa.Text(), nullable=False),
    sa.Column('inputs', sa.Text(), nullable=False, comment='JSON: file name -> sha256.'),
    sa.Column('row_counts', sa.Text(), nullable=True, comment='JSON: table -> rows loaded.'),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_etl_runs')),
    comment='Every load: when, from which files, how many rows, and how it ended.'
    )
    op.create_table('sources',
    sa.Column('source_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('publisher', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('licence', sa.Text(), nullable=True),
    sa.Column('accessed', sa.String(length=10), nullable=True),
    sa.Column('via_source_id', sa.String(length=40), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['via_source_id'], ['sources.source_id'], name=op.f('fk_sources_via_source_id_sources')),
    sa.PrimaryKeyConstraint('source_id', name=op.f('pk_sources')),
    comment='Every publication, page or dataset that a stored fact cites.'
    )
    op.create_table('places',
    sa.Column('iso3', sa.String(length=3), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('tip_ranked', sa.Boolean(), nullable=False),
    sa.Column('osce_status', sa.String(length=20), nullable=True),
    sa.Column('state_dept_region', sa.String(length=3), nullable=True),
    sa.Column('un_region', sa.Text(), nullable=True),
    sa.Column('un_subregion', sa.Text(), nullable=True),
    sa.Column('map_id', sa.String(length=3), nullable=True, comment="Id of the place in the map geometry (ISO-3 in Plotly's topojson)."),
    sa.Column('rep_lon', sa.Float(), nullable=True),
    sa.Column('rep_lat', sa.Float(), nullable=True),
    sa.Column('area_km2', sa.Float(), nullable=True),
    sa.Column('geometry_source_id', sa.String(length=40), nullable=True),
    sa.Column('region_source_id', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['geometry_source_id'], ['sources.source_id'], name=op.f('fk_places_geometry_source_id_sources')),
    sa.ForeignKeyConstraint(['region_source_id'], ['sources.source_id'], name=op.f('fk_places_region_source_id_sources')),
    sa.PrimaryKeyConstraint('iso3', name=op.f('pk_places')),
    comment='Countries and territories: codes, groupings and what joins them to the map.'
    )
    op.create_table('report_editions',
    sa.Column('report_year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('places_stated', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.String(length=40), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['sources.source_id'], name=op.f('fk_report_editions_source_id_sources')),
    sa.PrimaryKeyConstraint('report_year', name=op.f('pk_report_editions')),
    comment='Each TIP report edition, with the number of places it ranked where a source states it.'
    )
    op.create_table('funding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('iso3', sa.String(length=3), nullable=True),
    sa.Column('area', sa.String(length=20), nullable=True),
    sa.Column('report_year', sa.Integer(), nullable=True),
    sa.Column('period', sa.Text(), nullable=True),
    sa.Column('funder', sa.Text(), nullable=False),
    sa.Column('recipient', sa.Text(), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('amount_local', sa.Float(), nullable=True),
    sa.Column('currency', sa.Text(), nullable=True),
    sa.Column('amount_usd_as_published', sa.Float(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('source_id', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint('iso3 IS NOT NULL OR area IS NOT NULL', name=op.f('ck_funding_scope')),
    sa.ForeignKeyConstraint(['iso3'], ['places.iso3'], name=op.f('fk_funding_iso3_places')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.source_id'], name=op.f('fk_funding_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding')),
    comment='Shelter and victim-assistance funding as published; USD only where the source printed it.'
    )
    with op.batch_alter_table('funding', schema=None) as batch_op:
        batch_op.create_index('ix_funding_iso3', ['iso3'], unique=False)

    op.create_table('indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('iso3', sa.String(length=3), nullable=True),
    sa.Column('area', sa.String(length=20), nullable=True),
    sa.Column('indicator', sa.Text(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=True, comment='Order within a numbered list, e.g. obstacle 1..10.'),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('period', sa.Text(), nullable=True),
    sa.Column('report_year', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('source_id', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint('iso3 IS NOT NULL OR area IS NOT NULL', name=op.f('ck_indicators_scope')),
    sa.ForeignKeyConstraint(['iso3'], ['places.iso3'], name=op.f('fk_indicators_iso3_places')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.source_id'], name=op.f('fk_indicators_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators')),
    comment='Qualitative indicators (OSCE report obstacles, referral mechanism, action plan ...).'
    )
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.create_index('ix_indicators_iso3', ['iso3'], unique=False)

    op.create_table('place_names',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('iso3', sa.String(length=3), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['iso3'], ['places.iso3'], name=op.f('fk_place_names_iso3_places')),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_place_names')),
    comment='Spellings seen in sources (as published) and common variants, each resolving to one place.'
    )
    op.create_table('statistics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('iso3', sa.String(length=3), nullable=True),
    sa.Column('area', sa.String(length=20), nullable=True),
    sa.Column('metric', sa.Text(), nullable=False),
    sa.Column('breakdown', sa.Text(), nullable=False, comment="'total' or e.g. 'sex=Female;age=0 to 17 years'."),
    sa.Column('year', sa.Integer(), nullable=True, comment='Year the figure describes, when one year.'),
    sa.Column('period', sa.Text(), nullable=True, comment='Period as the source describes it.'),
    sa.Column('report_year', sa.Integer(), nullable=True, comment='TIP report that published it, if any.'),
    sa.Column('value', sa.Float(), nullable=True, comment='The number; empty when the source did not print a plain number.'),
    sa.Column('value_as_published', sa.Text(), nullable=False),
    sa.Column('suppressed', sa.Boolean(), nullable=False, comment="Small count withheld by the source (e.g. '<5')."),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('source_id', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint('NOT (suppressed AND value IS NOT NULL)', name=op.f('ck_statistics_suppressed_has_no_value')),
    sa.CheckConstraint('iso3 IS NOT NULL OR area IS NOT NULL', name=op.f('ck_statistics_scope')),
    sa.ForeignKeyConstraint(['iso3'], ['places.iso3'], name=op.f('fk_statistics_iso3_places')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.source_id'], name=op.f('fk_statistics_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statistics')),
    comment='Counts: victims identified, investigations, prosecutions, convictions (TIP narratives, UNODC).'
    )
    with op.batch_alter_table('statistics', schema=None) as batch_op:
        batch_op.create_index('ix_statistics_iso3_metric_year', ['iso3', 'metric', 'year'], unique=False)

    op.create_table('tier_claims',
    sa.Column('iso3', sa.String(length=3), nullable=False),
    sa.Column('report_year', sa.Integer(), nullable=False),
    sa.Column('tier', sa.String(length=12), nullable=False),
    sa.Column('source_id', sa.String(length=40), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('agrees', sa.Boolean(), nullable=False, comment='Does this claim agree with tier_placements?'),
    sa.CheckConstraint("tier IN ('1', '2', '2WL', '3', 'special_case')", name=op.f('ck_tier_claims_tier')),
    sa.ForeignKeyConstraint(['iso3'], ['places.iso3'], name=op.f('fk_tier_claims_iso3_places')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.source_id'], name=op.f('fk_tier_claims_source_id_sources')),
    sa.PrimaryKeyConstraint('iso3', 'report_year', 'source_id', name=op.f('pk_tier_claims')),
    comment='What every source says about a place-year, so disagreements stay on record.'
    )
    op.create_table('tier_placements',
    sa.Column('iso3', sa.String(length=3), nullable=False),
    sa.Column('report_year', sa.Integer(), nullable=False),
    sa.Column('tier', sa.String(length=12), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('source_id', sa.String(length=40), nullable=False),
    sa.Column('name_as_published', sa.Text(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint("tier IN ('1', '2', '2WL', '3', 'special_case')", name=op.f('ck_tier_placements_tier')),
    sa.CheckConstraint('report_year >= 2001', name=op.f('ck_tier_placements_report_year')),
    sa.ForeignKeyConstraint(['iso3'], ['places.iso3'], name=op.f('fk_tier_placements_iso3_places')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.source_id'], name=op.f('fk_tier_placements_source_id_sources')),
    sa.PrimaryKeyConstraint('iso3', 'report_year', name=op.f('pk_tier_placements')),
    comment='The placement of each place in each TIP report year: the best-sourced claim. A place-year with no row has no data.'
    )
    with op.batch_alter_table('tier_placements', schema=None) as batch_op:
        batch_op.create_index('ix_tier_placements_year_tier', ['report_year', 'tier'], unique=False)

    op.create_table('us_grants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('iso3', sa.String(length=3), nullable=True),
    sa.Column('area', sa.String(length=20), nullable=True),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.Text(), nullable=True),
    sa.Column('subgrantee', sa.Text(), nullable=True),
    sa.Column('recipient_type', sa.Text(), nullable=True),
    sa.Column('prevention', sa.Boolean(), nullable=False),
    sa.Column('protection', sa.Boolean(), nullable=False),
    sa.Column('prosecution', sa.Boolean(), nullable=False),
    sa.Column('research', sa.Boolean(), nullable=False),
    sa.Column('amount_usd', sa.Float(), nullable=True, comment="Empty where the source list said 'Not Listed'."),
    sa.Column('source_id', sa.String(length=40), nullable=False),
    sa.CheckConstraint('iso3 IS NOT NULL OR area IS NOT NULL', name=op.f('ck_us_grants_scope')),
    sa.ForeignKeyConstraint(['iso3'], ['places.iso3'], name=op.f('fk_us_grants_iso3_places')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.source_id'], name=op.f('fk_us_grants_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_us_grants')),
    comment="US Government anti-trafficking grants FY2001-2014 (Kelley's coding)."
    )
    with op.batch_alter_table('us_grants', schema=None) as batch_op:
        batch_op.create_index('ix_us_grants_iso3', ['iso3'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('us_grants', schema=None) as batch_op:
        batch_op.drop_index('ix_us_grants_iso3')

    op.drop_table('us_grants')
    with op.batch_alter_table('tier_placements', schema=None) as batch_op:
        batch_op.drop_index('ix_tier_placements_year_tier')

    op.drop_table('tier_placements')
    op.drop_table('tier_claims')
    with op.batch_alter_table('statistics', schema=None) as batch_op:
        batch_op.drop_index('ix_statistics_iso3_metric_year')

    op.drop_table('statistics')
    op.drop_table('place_names')
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.drop_index('ix_indicators_iso3')

    op.drop_table('indicators')
    with op.batch_alter_table('funding', schema=None) as batch_op:
        batch_op.drop_index('ix_funding_iso3')

    op.drop_table('funding')
    op.drop_table('report_editions')
    op.drop_table('places')
    op.drop_table('sources')
    op.drop_table('etl_runs')
