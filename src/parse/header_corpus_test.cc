// Corpus-wide check: the classification line of every Cablegate HTML page names the post and
// serial of the page's reference ID (tests/shared_files.h: skipped outside CI when shared/corpus is absent).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "cablebase/read.h"
#include "model/reference_id.h"
#include "parse/text_header.h"
#include "shared_files.h"

namespace cablebase::parse {
namespace {

TEST(HeaderCorpus, ClassificationLineMatchesReferenceId) {
  CABLEBASE_SHARED_PATH(html, "corpus/html");
  int total = 0, ok = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(html)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
    SourceFile file{entry.path().string(), static_cast<uint64_t>(entry.file_size()), {}};
    Status st = ReadSource(file, InputFormat::kCablegateHtml, [&](Result<RawCable> r) {
      ++total;
      if (!r.ok()) {
        std::cout << "unreadable: " << file.path << "\n";
        return true;
      }
      std::string id = model::CanonicalizeReferenceId(r->reference_id.empty()
                                                          ? entry.path().stem().string()
                                                          : r->reference_id);
      std::optional<ClassificationLine> cl = ParseClassificationLine(r->text);
      std::string made;
      if (cl && id.size() > 2) {
        made = model::MakeReferenceId(std::atoi(id.substr(0, 2).c_str()), cl->post, cl->serial);
      }
      if (made == id) {
        ++ok;
      } else {
        std::cout << "miss: " << id << " -> "
                  << (cl ? cl->classification + " | " + cl->post + " | " + cl->serial : "none")
                  << "\n";
      }
      return true;
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
  std::cout << "classification line matches " << ok << "/" << total << "\n";
  ASSERT_GT(total, 0);
  EXPECT_GE(ok * 100, total * 98);
}

}  // namespace
}  // namespace cablebase::parse
