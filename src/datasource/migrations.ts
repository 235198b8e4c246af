import { DEFAULT_QUERY, QUERY_SCHEMA_VERSION, type StabilityQuery } from './types';

/**
 * Brings a saved query up to the current model. Each schema bump adds one step here, so a dashboard
 * saved by any earlier release keeps working.
 */
export function migrateQuery(query: StabilityQuery): StabilityQuery {
  const version = query.schemaVersion ?? 0;
  if (version > QUERY_SCHEMA_VERSION) {
    // Saved by a newer release: leave it as it is rather than guess.
    return query;
  }
  let migrated: StabilityQuery = { ...query };
  if (version < 1) {
    // Version 0 = saved before the model was versioned: fill what later code relies on.
    migrated = { ...DEFAULT_QUERY, ...migrated };
  }
  return { ...migrated, schemaVersion: QUERY_SCHEMA_VERSION };
}
