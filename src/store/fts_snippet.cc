// cablebase_hits() and cablebase_first_snippet(): snippets whose cost is linear in the row
// (store/fts_snippet.h).
#include "store/fts_snippet.h"

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/fts_rank.h"

namespace cablebase::store {

namespace {

void Hits(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
          sqlite3_value**) {
  int n = 0;
  int rc = api->xInstCount(fts, &n);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  sqlite3_result_int(ctx, n);
}

// What the tokenizer callback collects: the byte span of each token of the window, and whether the
// column goes on after it.
struct Window {
  const Db* db = nullptr;
  int start = 0, end = 0;  // token positions [start, end)
  int pos = 0;             // position of the next token
  std::vector<std::pair<int, int>> spans;  // byte [begin, end) of tokens start, start+1, ...
  bool more_after = false;
};

constexpr int kStopTokenizing = SQLITE_DONE;  // returned by the callback to end the walk early

int CollectToken(void* user, int tflags, const char*, int, int begin, int end) {
  auto* w = static_cast<Window*>(user);
  if (tflags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;  // a synonym at the same position
  const int pos = w->pos++;
  if ((pos & 4095) == 0 && w->db->interrupted()) return SQLITE_INTERRUPT;
  if (pos >= w->end) {
    w->more_after = true;
    return kStopTokenizing;
  }
  if (pos >= w->start) w->spans.emplace_back(begin, end);
  return SQLITE_OK;
}

void FirstSnippet(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_val,
                  sqlite3_value** val) {
  if (n_val != 4) {
    sqlite3_result_error(ctx, "cablebase_first_snippet: expects (fts, begin, end, ellipsis, tokens)",
                         -1);
    return;
  }
  auto text_of = [&](int i) {
    const char* p = reinterpret_cast<const char*>(sqlite3_value_text(val[i]));
    return std::string(p ? p : "", static_cast<size_t>(sqlite3_value_bytes(val[i])));
  };
  const std::string mark_begin = text_of(0), mark_end = text_of(1), ellipsis = text_of(2);
  const int tokens = std::clamp(sqlite3_value_int(val[3]), 1, 64);

  int count = 0;
  int rc = api->xInstCount(fts, &count);
  if (rc != SQLITE_OK || count == 0) {
    if (rc != SQLITE_OK) sqlite3_result_error_code(ctx, rc);
    return;  // NULL: no instance
  }
  // Instances come in (column, offset) order (fts5CacheInstArray merges by position), so the
  // first one is the earliest hit of the first column that has one.
  int phrase = 0, col = 0, off = 0;
  rc = api->xInst(fts, 0, &phrase, &col, &off);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  Window w;
  w.db = static_cast<const Db*>(api->xUserData(fts));
  w.start = std::max(0, off - tokens / 4);
  w.end = w.start + tokens;
  // Where instances begin and end among the window's tokens (a phrase covers xPhraseSize
  // tokens); each instance is marked on its own, as FTS5's highlight() does.
  std::vector<bool> opens(static_cast<size_t>(tokens), false), closes(opens);
  for (int i = 0; i < count; ++i) {
    int p = 0, c = 0, o = 0;
    if (api->xInst(fts, i, &p, &c, &o) != SQLITE_OK || c != col || o >= w.end) break;
    const int first = std::max(o, w.start), last = std::min(o + api->xPhraseSize(fts, p), w.end) - 1;
    if (last < first) continue;
    opens[static_cast<size_t>(first - w.start)] = true;
    closes[static_cast<size_t>(last - w.start)] = true;
  }
  const char* text = nullptr;
  int bytes = 0;
  rc = api->xColumnText(fts, col, &text, &bytes);
  if (rc == SQLITE_OK) rc = api->xTokenize(fts, text, bytes, &w, CollectToken);
  if (rc == kStopTokenizing) rc = SQLITE_OK;
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  std::string out;
  if (w.start > 0) out += ellipsis;
  bool open = false;
  for (size_t k = 0; k < w.spans.size(); ++k) {
    if (k > 0) out.append(text + w.spans[k - 1].second, text + w.spans[k].first);  // separator
    if (opens[k] && !open) {
      out += mark_begin;
      open = true;
    }
    out.append(text + w.spans[k].first, text + w.spans[k].second);
    if (open && (closes[k] || k + 1 == w.spans.size())) {
      out += mark_end;
      open = false;
    }
  }
  if (w.more_after) out += ellipsis;
  sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

Status RegisterFtsSnippet(Db& db) {
  if (db.fts_snippet_registered) return Status::Ok();
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) return Status(StatusCode::kInternal, "FTS5 is not available", db.path());
  int rc = api->xCreateFunction(api, "cablebase_hits", &db, Hits, nullptr);
  if (rc == SQLITE_OK) {
    rc = api->xCreateFunction(api, "cablebase_first_snippet", &db, FirstSnippet, nullptr);
  }
  if (rc != SQLITE_OK) {
    return Status(StatusCode::kInternal, "cannot register cablebase_first_snippet", db.path());
  }
  db.fts_snippet_registered = true;
  return Status::Ok();
}

}  // namespace cablebase::store
