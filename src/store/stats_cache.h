// The archive-wide counts of `cablebase stats` / GET /api/stats, computed once per archive
// generation and kept in the archive (meta rows `stats_cache` and `stats_cache_generation`).
//
// Why: ComputeStats scans cables, refs, tags, caveats and audit_findings: 1.4 s at 251,287 cables
// (issue 12), for numbers that change only when an ingest writes. Ingest (Archive::Ingest, after
// the search columns) stores them with the generation they were computed at; Archive::Stats reads
// them back (~1 ms) when that generation is still the archive's, else computes them as before.
//
// The generation: `meta.cables_generation` (bumped by triggers on every insert, update and delete
// of `cables`, schema v3), max(cables.id), max(cable_versions.id) and `meta.audit_findings` (the
// one-time audit of an upgraded archive writes findings without touching `cables`), prefixed with
// the layout of the cached JSON. Every table the counts read (refs, tags, caveats, addressees,
// paragraphs, audit_findings) is written only together with a `cables` row, so the generation
// changes whenever a count can.
#ifndef CABLEBASE_STORE_STATS_CACHE_H_
#define CABLEBASE_STORE_STATS_CACHE_H_

#include <optional>
#include <string>

#include "cablebase/archive.h"
#include "store/db.h"

namespace cablebase::store {

// The archive's current generation as above ("stats1:GEN:MAXCABLE:MAXVERSION:AUDIT"); SQLite errors.
Result<std::string> StatsGeneration(Db& db);

// The cached counts, `top` applied like ComputeStats(db, top), when the cache is present and of the
// current generation; nullopt otherwise (absent, stale, or not decodable). Reads in one read
// transaction. SQLite errors.
Result<std::optional<ArchiveStats>> LoadCachedStats(Db& db, int top);

// Computes the counts and stores them with the current generation unless the cache is current.
// Needs a read-write connection; runs in its own transaction. SQLite errors.
Status RefreshStatsCache(Db& db);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_STATS_CACHE_H_
