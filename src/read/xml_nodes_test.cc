// Tests of the libxml2 node helpers shared by the HTML, PlusD and FRUS readers.
#include "read/xml_nodes.h"

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>

#include <memory>
#include <string>

namespace cablebase::read {
namespace {

// read_fuzz found HasClass iterating over views of a temporary string (ASan
// stack-use-after-scope on every Cablegate page). Written for the test: classes with long names
// (beyond the short-string buffer, so the freed copy is on the heap) and several spaces.
TEST(XmlNodes, HasClassSplitsAnAttributeItKeepsAlive) {
  const std::string html =
      "<html><body><table class='  a-long-class-name-beyond-sso   cable  another-long-class-name "
      "'><tr><td>x</td></tr></table></body></html>";
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      html.data(), static_cast<int>(html.size()), "t.html", "UTF-8",
      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  ASSERT_NE(doc, nullptr);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* table = nullptr;
  for (const xmlNode* n = root; n != nullptr; n = NextNode(n, root, false)) {
    if (IsElement(n, "table")) table = n;
  }
  ASSERT_NE(table, nullptr);
  EXPECT_TRUE(HasClass(table, "cable"));
  EXPECT_TRUE(HasClass(table, "a-long-class-name-beyond-sso"));
  EXPECT_TRUE(HasClass(table, "another-long-class-name"));
  EXPECT_FALSE(HasClass(table, "cab"));
  EXPECT_FALSE(HasClass(table, ""));
}

}  // namespace
}  // namespace cablebase::read
