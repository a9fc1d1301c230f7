// The CableService over an archive file (archive.h + query.h): a pool of read-only connections.
#ifndef CABLEBASE_SERVER_ARCHIVE_SERVICE_H_
#define CABLEBASE_SERVER_ARCHIVE_SERVICE_H_

#include <memory>
#include <string>

#include "server/cable_service.h"
#include "server/server.h"

namespace cablebase::server {

// Opens `db_path` read-only (one connection now, more on demand up to `max_connections`, each used
// by one request at a time: an Archive is not thread-safe). Fails like Archive::Open (kNotFound when
// the file does not exist, kCorrupt when it is not a cablebase archive). The result is thread-safe.
Result<std::unique_ptr<CableService>> OpenArchiveService(const std::string& db_path,
                                                         const Limits& limits,
                                                         int max_connections);

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_ARCHIVE_SERVICE_H_
