// The glossary (cablebase/glossary.h) as the server sends it: a JSON document and an ES module.
#ifndef CABLEBASE_SERVER_GLOSSARY_DOCUMENT_H_
#define CABLEBASE_SERVER_GLOSSARY_DOCUMENT_H_

#include <string>

namespace cablebase::server {

// GET /api/glossary: one JSON object with one member per glossary table, in GlossaryTables()
// order, each an object of key → meaning in the table's order:
//   {"precedence":{"FLASH":"highest precedence: ...",...},...,
//    "geographic_codes":{"AA":"Aruba",...,"RS":"Russia",...,"UY":"Uruguay",...},...}
// Built once from the static tables; the reference lives for the whole program (thread-safe).
const std::string& GlossaryJson();

// GET /static/glossary_data.js: the same document as an ES module, so that web/glossary.js can
// import it synchronously: `export const GLOSSARY = {...};` (one line of JSON after a comment).
const std::string& GlossaryModule();

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_GLOSSARY_DOCUMENT_H_
