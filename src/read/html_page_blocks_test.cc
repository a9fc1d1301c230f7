// The page scanner against libxml2's DOM: wherever the scanner answers, both give the same blocks
// (issue 12). Real pages come from the shared folder; fragments marked below are written for the
// test.
#include "read/html_page_blocks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "read/charset.h"
#include "shared_files.h"

namespace cablebase::read {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Both paths on `page`; returns whether the scanner answered. Fails the test when it answered
// with blocks libxml2 does not give.
bool ScanAgreesWithDom(const std::string& page, const std::string& label) {
  const std::string utf8 = IsValidUtf8(page) ? page : ToUtf8(page);
  if (utf8.find('\0') != std::string::npos) return false;
  PageBlocks scanned, dom;
  if (!ScanPageBlocks(utf8, &scanned)) return false;
  EXPECT_TRUE(DomPageBlocks(utf8, &dom)) << label;
  EXPECT_EQ(scanned.table_found, dom.table_found) << label;
  EXPECT_EQ(scanned.names, dom.names) << label;
  EXPECT_EQ(scanned.cells, dom.cells) << label;
  EXPECT_EQ(scanned.pres, dom.pres) << label;
  EXPECT_EQ(scanned.pres_before_table, dom.pres_before_table) << label;
  return true;
}

std::vector<std::string> SharedPages() {
  std::vector<std::string> pages;
  for (const char* dir : {"corpus", "corpus-more"}) {
    const std::string root = testing_shared::SharedPath(dir);
    if (!std::filesystem::exists(root)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".html" || ext == ".htm")) pages.push_back(e.path());
    }
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

// Every real page: the scanner reads the publishers' templates (all but the few pages with stray
// table end tags inside a <pre>, 09BAGHDAD11 and 09LAPAZ96, which libxml2 reads) and agrees with
// libxml2 on each.
TEST(PageBlocks, ScannerAgreesWithLibxml2OnEveryCorpusPage) {
  CABLEBASE_SHARED_PATH(html, "corpus/html");
  const std::vector<std::string> pages = SharedPages();
  ASSERT_GE(pages.size(), 900u);
  size_t scanned = 0;
  std::vector<std::string> declined;
  for (const std::string& path : pages) {
    if (ScanAgreesWithDom(ReadAll(path), path)) {
      ++scanned;
    } else {
      declined.push_back(std::filesystem::path(path).filename());
    }
  }
  std::printf("scanned %zu of %zu pages; libxml2 reads %s\n", scanned, pages.size(),
              ::testing::PrintToString(declined).c_str());
  // Nearly every page takes the fast path; the ones that do not are named.
  EXPECT_LE(declined.size(), 10u) << ::testing::PrintToString(declined);
  EXPECT_GE(scanned + 10, pages.size());
}

// Pages cut anywhere and damaged: the scanner either declines or agrees (it never reads a cut
// <pre> or table as whole when libxml2 would not).
TEST(PageBlocks, ScannerAgreesOrDeclinesOnCutAndDamagedPages) {
  CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/08BEIJING1618.html");
  CABLEBASE_SHARED_PATH(page2, "corpus/html/heuer__cablemap/08TRIPOLI220.html");
  for (const std::string& path : {page, page2}) {
    const std::string bytes = ReadAll(path);
    const size_t table = bytes.find("<table");
    const size_t pre = bytes.find("<pre");
    ASSERT_NE(table, std::string::npos);
    ASSERT_NE(pre, std::string::npos);
    // Cut at many points, densest around the table and the first <pre>.
    std::vector<size_t> cuts;
    for (size_t i = 1; i < 64; ++i) cuts.push_back(bytes.size() * i / 64);
    for (size_t d = 0; d < 600; d += 7) {
      cuts.push_back(table + d);
      cuts.push_back(pre + d);
    }
    for (size_t cut : cuts) {
      if (cut >= bytes.size()) continue;
      ScanAgreesWithDom(bytes.substr(0, cut), path + " cut at " + std::to_string(cut));
    }
    // Written for the test: markup dropped in at points of the table and the <pre>.
    const std::vector<std::string> inserts = {
        "<", "</", "<br>", "</br>", "<p>", "</a>", "<a>", "<b>", "</pre>", "<pre>", "<!-- c -->",
        "&", "&amp;", "&amp", "&#0;", "&#xD800;", "&#65;", "&apos;", "&nbsp;", "&unknown;", "\r\n",
        "<td>", "</td>", "</tr>", "<tr>", "<table class='cable'>", "</table>", "<script>x</script>",
        "<em>", "</div>", "<![CDATA[x]]>", "<?pi?>", "&#x10FFFF;", "&#1114112;", "<a href='x>y'>",
        "<img src=x/>", "<x:y>", "\x01", "\xEF\xBF\xBE", "<br/>", "<br />", "< a>", "<BR>",
        "</PRE>", "<Pre>", "&#10;<br>", "<br>&#10;", "<br><br>", "&lt;pre&gt;"};
    for (const std::string& ins : inserts) {
      for (size_t d : {0, 1, 5, 13, 40, 90, 200, 333}) {
        for (size_t at : {table + d, pre + d, pre + 4 + d}) {
          if (at > bytes.size()) continue;
          std::string damaged = bytes;
          damaged.insert(at, ins);
          ScanAgreesWithDom(damaged, path + " + '" + ins + "' at " + std::to_string(at));
        }
      }
    }
  }
}

// Written for the test: small pages in the templates' shape, each read by the scanner.
TEST(PageBlocks, ScannerReadsWrittenFragmentsLikeLibxml2) {
  const std::string head =
      "<html><body><table class='cable'><tr><th>Reference ID</th></tr><tr><td>\n"
      "<a href='/x'>01TEST1</a>\n</td></tr></table>";
  const std::vector<std::string> bodies = {
      "<pre>A&#x000A;B</pre>",
      "<pre>\nleading newline</pre>",
      "<code><pre>one</pre></code><code><pre>two <a href='#p1'>&para;</a> x</pre></code>",
      "<pre>a<br>b<br>\nc<br><br>d<br></pre>",
      "<pre>R&D &D; &amp &amp; &lt;x&gt; &quot; &apos; &nbsp; &#182; &#xB6; a < b</pre>",
      "<pre>x <strong>EO </strong>y <em>z</em></pre>",
      "<pre></pre><pre/>",
      "<script>var s = '<pre>no</pre>';</script><pre>yes</pre>",
      "<!-- <pre>no</pre> --><pre>yes</pre>",
      "<pre>caf\xC3\xA9 \xE2\x80\x94 &#x1F600;</pre>",
      // Elements some HTML parsers read as raw text; libxml2 reads only script and style so.
      "<title><pre>t</pre></title>", "<textarea><pre>t</pre></textarea>",
      "<xmp><pre>x</pre></xmp>", "<noscript><pre>n</pre></noscript>",
      "<iframe><pre>i</pre></iframe>", "<plaintext><pre>p</pre>",
      "<STYLE>p{}</STYLE><pre>after style</pre>", "<script src='x.js'/><pre>after</pre>",
  };
  for (const std::string& body : bodies) {
    const std::string page = head + body + "</body></html>";
    EXPECT_TRUE(ScanAgreesWithDom(page, body)) << "declined: " << body;
  }
  // And the pre before the table.
  EXPECT_TRUE(ScanAgreesWithDom("<pre>before</pre>" + head, "pre before table"));
}

// Markup the scanner does not reproduce sends the page to libxml2 (written for the test).
TEST(PageBlocks, ScannerDeclinesMarkupLibxml2Repairs) {
  for (const std::string& page : {
           std::string("<pre>a<p>b</pre>"),                  // a block element inside
           std::string("<pre>a<b>b</pre>"),                  // an inline element left open
           std::string("<pre>a</td></tr></table>b</pre>"),   // stray end tags (09BAGHDAD11's shape)
           std::string("<pre>a\r\nb</pre>"),                 // CR
           std::string("<pre>a&#0;b</pre>"),                 // a reference to no character
           std::string("<pre>a"),                            // never closed
           std::string("<table class='cable'><tr><td>x</tr></table>"),  // a cell left open
       }) {
    PageBlocks b;
    EXPECT_FALSE(ScanPageBlocks(page, &b)) << page;
  }
}

}  // namespace
}  // namespace cablebase::read
