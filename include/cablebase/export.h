// Exporting an archive: the records (CSV, JSON Lines) or the reference graph (GraphML) of a query's
// hits or of every cable, streamed. The one implementation behind `cablebase export` and the HTTP
// API's GET /api/export, so that both give the same bytes for the same archive and query.
#ifndef CABLEBASE_EXPORT_H_
#define CABLEBASE_EXPORT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "cablebase/archive.h"
#include "cablebase/cable.h"
#include "cablebase/status.h"

namespace cablebase {

enum class ExportFormat {
  kJsonl,    // one record per line: CableToJson (json.h), as `cablebase parse --jsonl`
  kCsv,      // one row per cable: the columns of kCsvHeader
  kGraphml,  // the reference graph (GraphML 1.0) for Gephi, networkx, yEd
};

// "jsonl", "csv" or "graphml" → format; kInvalidArgument naming the accepted values otherwise.
Result<ExportFormat> ParseExportFormat(std::string_view name);

// The CSV header line (RFC 4180, "\n" line ends). One row per cable, the current version:
//   reference_id, created, released (ISO 8601 UTC), origin (publisher's), originator (FM line),
//   precedence, classification (of the text), metadata_classification (as published), caveats (text
//   caveats then published ones not already there), tags, subject, references (reference IDs of the
//   REF entries that name a cable), declassify_on, signers, source_path, summary, body.
// Lists are joined with "; "; a field is quoted only when it holds a comma, quote or line break.
inline constexpr std::string_view kCsvHeader =
    "reference_id,created,released,origin,originator,precedence,classification,"
    "metadata_classification,caveats,tags,subject,references,declassify_on,signers,"
    "source_path,summary,body\n";

// One CSV row of `cable` (with its "\n"), in kCsvHeader's columns. Pure and thread-safe.
std::string CableToCsvRow(const Cable& cable);

// Receives the export in pieces (each up to ~64 kB, in order); returns false to stop it.
using ExportSink = std::function<bool(std::string_view chunk)>;

// Writes the hits of `query` (docs/query_language.md), oldest first, or every cable when the query
// is blank, in `format` through `sink`; returns the number of cables exported. GraphML holds a node
// per exported cable (hit = true) and per cable they cite that was not exported (hit = false;
// in_archive = false when the archive lacks it), and an edge per REF entry of an exported cable
// that names a cable.
// Failures: kInvalidArgument for a malformed query (before anything is written); kIoError when
// `sink` returned false (the output is then cut short); kCorrupt/kIoError/kTimeout from the
// archive. Thread safety: as the Archive (one thread at a time).
Result<int64_t> ExportCables(Archive& archive, std::string_view query, ExportFormat format,
                             const ExportSink& sink);

}  // namespace cablebase

#endif  // CABLEBASE_EXPORT_H_
