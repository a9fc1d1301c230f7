// The JSON API handlers: parameter checking and bounds, then one CableService call each.
#ifndef CABLEBASE_SERVER_API_H_
#define CABLEBASE_SERVER_API_H_

#include <httplib.h>

#include "server/cable_service.h"
#include "server/server.h"

namespace cablebase::server {

// One handler per API route (routes.cc binds them). Holds references only: `service` and `limits`
// must outlive it. Stateless otherwise, so one instance serves all threads.
class Api {
 public:
  Api(CableService& service, const Limits& limits) : service_(service), limits_(limits) {}

  void Search(const httplib::Request& req, httplib::Response& res);     // GET /api/search
  void Facets(const httplib::Request& req, httplib::Response& res);     // GET /api/facets
  void Cable(const httplib::Request& req, httplib::Response& res);      // GET /api/cables/{id}
  void Versions(const httplib::Request& req, httplib::Response& res);   // .../versions
  void Audit(const httplib::Request& req, httplib::Response& res);      // .../audit
  void Diff(const httplib::Request& req, httplib::Response& res);       // .../versions/{a}/diff/{b}
  void Refs(const httplib::Request& req, httplib::Response& res);       // .../refs
  void Stats(const httplib::Request& req, httplib::Response& res);      // GET /api/stats
  void Export(const httplib::Request& req, httplib::Response& res);     // GET /api/export
  void OpenApi(const httplib::Request& req, httplib::Response& res);    // GET /api/openapi.json
  void Health(const httplib::Request& req, httplib::Response& res);     // GET /api/health
  void Glossary(const httplib::Request& req, httplib::Response& res);   // GET /api/glossary

 private:
  CableService& service_;
  const Limits& limits_;
};

// Writes `body` as application/json (invalid UTF-8 replaced, never a throw).
void WriteJson(httplib::Response& res, const Json& body, int http_status = 200);
// Writes the error body and HTTP status for `status` (error_mapping.h); `code_override` for HTTP-only
// errors (405 "method_not_allowed").
void WriteError(httplib::Response& res, const Status& status, int http_status = 0,
                const std::string& code_override = {});

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_API_H_
