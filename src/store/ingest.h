// The ingest pipeline: one reader thread, N parser threads, one writer committing in batches.
#ifndef CABLEBASE_STORE_INGEST_H_
#define CABLEBASE_STORE_INGEST_H_

#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/status.h"
#include "store/cable_writer.h"
#include "store/db.h"

namespace cablebase::store {

// Runs the pipeline of Archive::Ingest (archive.h states the contract). The calling thread is the
// writer: it owns `db` and `writer` for the duration; the reader and parser threads never touch
// them. Cables are written in input order (a reorder buffer undoes the parsers' races), so versions
// are numbered the same on every run of the same command line. Memory is bounded: at most
// 64 + 16 × jobs cables are in flight between reading and writing.
Result<IngestSummary> IngestSources(Db& db, CableWriter& writer,
                                    const std::vector<std::string>& sources,
                                    const IngestOptions& options);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_INGEST_H_
