// The libxml2 node helpers the markup readers share (xml_nodes.h).
#include "read/xml_nodes.h"

#include "model/text_util.h"

namespace cablebase::read {

bool IsElement(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && n->name != nullptr &&
         xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool HasClass(const xmlNode* n, std::string_view cls) {
  // The attribute must outlive the views SplitWhitespace returns: a range-for over the split of a
  // temporary (`: SplitWhitespace(Attr(...))`) read freed memory on every page (read_fuzz, ASan
  // stack-use-after-scope; regression test XmlNodes.HasClassSplitsAnAttributeItKeepsAlive).
  const std::string classes = Attr(n, "class");
  for (std::string_view token : model::SplitWhitespace(classes)) {
    if (token == cls) return true;
  }
  return false;
}

const xmlNode* NextNode(const xmlNode* n, const xmlNode* root, bool skip_children) {
  if (!skip_children && n->children != nullptr) return n->children;
  while (n != nullptr && n != root) {
    if (n->next != nullptr) return n->next;
    n = n->parent;
  }
  return nullptr;
}

}  // namespace cablebase::read
