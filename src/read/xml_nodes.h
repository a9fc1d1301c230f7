// The libxml2 node helpers the markup readers share (Cablegate HTML, PlusD pages, FRUS TEI): one
// copy, so that a fix to one (a case rule, the walk) reaches every reader.
// Thread-safety: pure functions of the node; a document is read by one thread at a time.
#ifndef CABLEBASE_READ_XML_NODES_H_
#define CABLEBASE_READ_XML_NODES_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace cablebase::read {

// Frees a libxml2 document: std::unique_ptr<xmlDoc, DocFree>.
struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

// True when `n` is an element named `name`, compared without case (HTML tag names).
bool IsElement(const xmlNode* n, const char* name);

// The attribute's value, or "" when `n` has none.
std::string Attr(const xmlNode* n, const char* name);

// True when the class attribute of `n` has the whitespace-separated token `cls`.
bool HasClass(const xmlNode* n, std::string_view cls);

// The next node in document order after `n` (its subtree included unless skip_children), or null
// past `root`. Iterative, so that deeply nested garbage cannot exhaust the stack.
const xmlNode* NextNode(const xmlNode* n, const xmlNode* root, bool skip_children);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_XML_NODES_H_
