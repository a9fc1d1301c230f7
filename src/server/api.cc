// The JSON API handlers (docs/http_api.md): check and bound parameters, call the CableService.
#ifdef CABLEBASE_HAVE_HTTPLIB
#include "server/api.h"

#include <charconv>
#include <string>
#include <string_view>

#include "server/error_mapping.h"
#include "server/glossary_document.h"
#include "server/static_assets.h"

namespace cablebase::server {

void WriteJson(httplib::Response& res, const Json& body, int http_status) {
  res.status = http_status;
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void WriteError(httplib::Response& res, const Status& status, int http_status,
                const std::string& code_override) {
  res.status = http_status ? http_status : HttpStatusFor(status);
  res.set_content(ErrorBody(status, code_override), "application/json; charset=utf-8");
}

namespace {

Status BadParam(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}

// The integer parameter `name` in [min, max], or `fallback` when absent. Fails when it is not a
// plain decimal integer or out of range; the message names the bound.
Status IntParam(const httplib::Request& req, const char* name, int fallback, int min, int max,
                int* out) {
  *out = fallback;
  if (!req.has_param(name)) return Status::Ok();
  const std::string value = req.get_param_value(name);
  int parsed = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || parsed < min ||
      parsed > max) {
    return BadParam(std::string(name) + " must be an integer from " + std::to_string(min) +
                    " to " + std::to_string(max));
  }
  *out = parsed;
  return Status::Ok();
}

// The q= parameter, bounded in bytes. `required` makes a missing or blank q an error.
Status QueryParam(const httplib::Request& req, const Limits& limits, bool required,
                  std::string* out) {
  *out = req.has_param("q") ? req.get_param_value("q") : std::string();
  if (out->size() > limits.max_query_bytes) {
    return BadParam("query too long: " + std::to_string(out->size()) + " bytes (the limit is " +
                    std::to_string(limits.max_query_bytes) + ")");
  }
  if (required && out->find_first_not_of(" \t\r\n") == std::string::npos) {
    return BadParam("q is required: a search query, e.g. q=hamas tag:PREL");
  }
  return Status::Ok();
}

Status BoolParam(const httplib::Request& req, const char* name, bool* out) {
  *out = false;
  if (!req.has_param(name)) return Status::Ok();
  const std::string v = req.get_param_value(name);
  if (v == "1" || v == "true" || v.empty()) {
    *out = true;
  } else if (v == "0" || v == "false") {
    *out = false;
  } else {
    return BadParam(std::string(name) + " must be true or false");
  }
  return Status::Ok();
}

// Reference IDs are letters and digits (06MOSCOW1637); malformed published ones add no other
// character (08SCTION02OF02SAOPAULO335). 64 bytes is four times the longest real one.
Status CableIdParam(const httplib::Request& req, std::string* out) {
  *out = req.matches.size() > 1 ? std::string(req.matches[1]) : std::string();
  if (out->empty() || out->size() > 64) return BadParam("a reference ID has 1 to 64 characters");
  for (char& c : *out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return BadParam("a reference ID has only letters and digits, e.g. 06MOSCOW1637");
    }
  }
  return Status::Ok();
}

#define CABLEBASE_RETURN_IF_ERROR(res, expr)  \
  do {                                        \
    if (Status s_ = (expr); !s_.ok()) {       \
      WriteError(res, s_);                    \
      return;                                 \
    }                                         \
  } while (0)

}  // namespace

void Api::Search(const httplib::Request& req, httplib::Response& res) {
  SearchRequest sr;
  CABLEBASE_RETURN_IF_ERROR(res, QueryParam(req, limits_, true, &sr.query));
  CABLEBASE_RETURN_IF_ERROR(res, IntParam(req, "limit", 20, 0, limits_.max_page_size, &sr.limit));
  CABLEBASE_RETURN_IF_ERROR(res, IntParam(req, "offset", 0, 0, limits_.max_offset, &sr.offset));
  CABLEBASE_RETURN_IF_ERROR(res, BoolParam(req, "facets", &sr.facets));
  const std::string sort = req.has_param("sort") ? req.get_param_value("sort") : "relevance";
  if (sort == "relevance") {
    sr.sort = SortOrder::kRelevance;
  } else if (sort == "date") {
    sr.sort = SortOrder::kDate;
  } else if (sort == "-date") {
    sr.sort = SortOrder::kDateDescending;
  } else {
    WriteError(res, BadParam("sort must be relevance, date or -date"));
    return;
  }
  Result<Json> r = service_.Search(sr);
  if (!r.ok()) return WriteError(res, r.status());
  WriteJson(res, *r);
}

void Api::Facets(const httplib::Request& req, httplib::Response& res) {
  std::string q;
  CABLEBASE_RETURN_IF_ERROR(res, QueryParam(req, limits_, false, &q));
  Result<Json> r = service_.Facets(q);
  if (!r.ok()) return WriteError(res, r.status());
  WriteJson(res, *r);
}

void Api::Cable(const httplib::Request& req, httplib::Response& res) {
  std::string id;
  CABLEBASE_RETURN_IF_ERROR(res, CableIdParam(req, &id));
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format == "text") {
    Result<std::string> text = service_.GetCableText(id);
    if (!text.ok()) return WriteError(res, text.status());
    res.set_content(*text, "text/plain; charset=utf-8");
    return;
  }
  if (format != "json") return WriteError(res, BadParam("format must be json or text"));
  Result<Json> r = service_.GetCable(id);
  if (!r.ok()) return WriteError(res, r.status());
  WriteJson(res, *r);
}

void Api::Versions(const httplib::Request& req, httplib::Response& res) {
  std::string id;
  CABLEBASE_RETURN_IF_ERROR(res, CableIdParam(req, &id));
  bool records = false;
  CABLEBASE_RETURN_IF_ERROR(res, BoolParam(req, "records", &records));
  Result<Json> r = service_.Versions(id, records);
  if (!r.ok()) return WriteError(res, r.status());
  WriteJson(res, *r);
}

void Api::Audit(const httplib::Request& req, httplib::Response& res) {
  std::string id;
  CABLEBASE_RETURN_IF_ERROR(res, CableIdParam(req, &id));
  Result<Json> r = service_.Audit(id);
  if (!r.ok()) return WriteError(res, r.status());
  WriteJson(res, *r);
}

void Api::Diff(const httplib::Request& req, httplib::Response& res) {
  std::string id;
  CABLEBASE_RETURN_IF_ERROR(res, CableIdParam(req, &id));
  int versions[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    const std::string v = req.matches.size() > size_t(i + 2) ? std::string(req.matches[i + 2]) : "";
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), versions[i]);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || versions[i] < 1) {
      return WriteError(res, BadParam("versions are numbered from 1"));
    }
  }
  Result<Json> r = service_.Diff(id, versions[0], versions[1]);
  if (!r.ok()) return WriteError(res, r.status());
  WriteJson(res, *r);
}

void Api::Refs(const httplib::Request& req, httplib::Response& res) {
  std::string id;
  CABLEBASE_RETURN_IF_ERROR(res, CableIdParam(req, &id));
  int depth = 1;
  CABLEBASE_RETURN_IF_ERROR(res, IntParam(req, "depth", 1, 1, limits_.max_graph_depth, &depth));
  const std::string dir = req.has_param("direction") ? req.get_param_value("direction") : "both";
  RefDirection direction;
  if (dir == "both") {
    direction = RefDirection::kBoth;
  } else if (dir == "cites") {
    direction = RefDirection::kCites;
  } else if (dir == "citedby") {
    direction = RefDirection::kCitedBy;
  } else {
    return WriteError(res, BadParam("direction must be cites, citedby or both"));
  }
  Result<Json> r = service_.Refs(id, direction, depth, limits_.max_graph_nodes);
  if (!r.ok()) return WriteError(res, r.status());
  WriteJson(res, *r);
}

void Api::Stats(const httplib::Request&, httplib::Response& res) {
  Result<Json> r = service_.Stats();
  if (!r.ok()) return WriteError(res, r.status());
  WriteJson(res, *r);
}

void Api::Export(const httplib::Request& req, httplib::Response& res) {
  std::string q;
  CABLEBASE_RETURN_IF_ERROR(res, QueryParam(req, limits_, false, &q));
  const std::string f = req.has_param("format") ? req.get_param_value("format") : "jsonl";
  ExportFormat format;
  const char* content_type;
  const char* extension;
  if (f == "csv") {
    format = ExportFormat::kCsv, content_type = "text/csv; charset=utf-8", extension = "csv";
  } else if (f == "jsonl") {
    format = ExportFormat::kJsonl, content_type = "application/x-ndjson", extension = "jsonl";
  } else if (f == "graphml") {
    format = ExportFormat::kGraphml, content_type = "application/graphml+xml", extension = "graphml";
  } else {
    return WriteError(res, BadParam("format must be csv, jsonl or graphml"));
  }
  // A malformed query must be a 400 before the 200 header of the stream goes out.
  if (!q.empty()) CABLEBASE_RETURN_IF_ERROR(res, service_.CheckQuery(q));
  res.set_header("Content-Disposition",
                 std::string("attachment; filename=\"cablebase-export.") + extension + "\"");
  CableService* service = &service_;
  res.set_chunked_content_provider(
      content_type, [service, q, format](size_t, httplib::DataSink& sink) {
        Status s = service->Export(q, format, [&sink](std::string_view chunk) {
          return sink.is_writable() && sink.write(chunk.data(), chunk.size());
        });
        // On failure the stream ends without its last chunk, so the client sees it truncated.
        if (!s.ok()) return false;
        sink.done();
        return true;
      });
}

void Api::OpenApi(const httplib::Request&, httplib::Response& res) {
  const Asset* doc = FindEmbeddedAsset("openapi.json");
  if (!doc) return WriteError(res, Status(StatusCode::kInternal, "openapi.json is not embedded"));
  res.set_content(std::string(doc->data), "application/json; charset=utf-8");
}

void Api::Health(const httplib::Request&, httplib::Response& res) {
  WriteJson(res, {{"status", "ok"}});
}

void Api::Glossary(const httplib::Request&, httplib::Response& res) {
  res.set_content(GlossaryJson(), "application/json; charset=utf-8");
}

}  // namespace cablebase::server

#endif  // CABLEBASE_HAVE_HTTPLIB
