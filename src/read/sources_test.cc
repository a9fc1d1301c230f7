// Tests of ListSources, DetectFormat and ReadSource.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cablebase/read.h"
#include "read/read_test_util.h"

namespace cablebase::read {
namespace {

namespace fs = std::filesystem;
using testing::FixturePath;
using testing::ReadFileBytes;

TEST(ReadDetect, RealFilesAndNames) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  EXPECT_EQ(DetectFormat(ReadFileBytes(FixturePath("04ANKARA348.html")).substr(0, 4096), "a"),
            InputFormat::kCablegateHtml);
  EXPECT_EQ(DetectFormat(ReadFileBytes(FixturePath("72TEHRAN1164.html")).substr(0, 4096), "a"),
            InputFormat::kCablegateHtml);
  EXPECT_EQ(DetectFormat(ReadFileBytes(FixturePath("cables_sample.csv")).substr(0, 4096), "a"),
            InputFormat::kCsv);
  EXPECT_EQ(DetectFormat(ReadFileBytes(FixturePath("08VLADIVOSTOK68.txt")), "x.html"),
            InputFormat::kCablegateHtml);  // content not decisive: the name decides
  EXPECT_EQ(DetectFormat(ReadFileBytes(FixturePath("08VLADIVOSTOK68.txt")), "x.txt"),
            InputFormat::kText);
  EXPECT_EQ(DetectFormat(ReadFileBytes(FixturePath("06NEWDELHI5238.txt")), "-"),
            InputFormat::kText);
  EXPECT_EQ(DetectFormat("<<218634>>\nCONFIDENTIAL", "-"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("", "dump.CSV"), InputFormat::kCsv);
  EXPECT_EQ(DetectFormat("", "-"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF  <table class='cable'>", "-"), InputFormat::kCablegateHtml);
}

class ReadSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CABLEBASE_SHARED_SET(fixtures, "read");
    dir_ = fs::temp_directory_path() / ("cablebase_read_sources_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "b" / "c");
    fs::create_directories(dir_ / ".hidden");
    Write(dir_ / "b" / "c" / "z.txt", "UNCLAS STATE 000001\n");
    Write(dir_ / "b" / "a.html", ReadFileBytes(FixturePath("04ANKARA348.html")));
    Write(dir_ / "a.csv", ReadFileBytes(FixturePath("cables_sample.csv")));
    Write(dir_ / ".hidden" / "x.txt", "x");
    Write(dir_ / ".dot.txt", "x");
    Write(dir_ / "README.md", "x");
    Write(dir_ / "MANIFEST.tsv", "x");
  }
  void TearDown() override { fs::remove_all(dir_); }
  static void Write(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
  }
  fs::path dir_;
};

TEST_F(ReadSourcesTest, DirectoriesRecursiveSortedSkippingHiddenAndCompanions) {
  Result<std::vector<SourceFile>> files =
      ListSources({(dir_ / "b" / "c" / "z.txt").string(), dir_.string(), "-"});
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  std::vector<std::string> paths;
  for (const SourceFile& f : *files) paths.push_back(f.path);
  const std::string d = dir_.string();
  EXPECT_EQ(paths, (std::vector<std::string>{d + "/b/c/z.txt", d + "/a.csv", d + "/b/a.html",
                                             d + "/b/c/z.txt", "-"}));
  EXPECT_EQ((*files)[1].size, 12224u);
  EXPECT_EQ((*files)[4].size, 0u);
}

TEST_F(ReadSourcesTest, MissingPathIsNotFound) {
  Result<std::vector<SourceFile>> files = ListSources({dir_.string(), (dir_ / "nope").string()});
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kNotFound);
  EXPECT_NE(files.status().message().find("nope"), std::string::npos);
  Status s = ReadSource(SourceFile{(dir_ / "nope").string(), 0, {}}, InputFormat::kAuto,
                        [](Result<RawCable>) { return true; });
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.file(), (dir_ / "nope").string());
}

TEST_F(ReadSourcesTest, ReadsEveryListedFileWithDetection) {
  Result<std::vector<SourceFile>> files = ListSources({dir_.string()});
  ASSERT_TRUE(files.ok());
  std::vector<std::string> ids;
  for (const SourceFile& f : *files) {
    ASSERT_TRUE(ReadSource(f, InputFormat::kAuto, [&](Result<RawCable> r) {
                  EXPECT_TRUE(r.ok()) << r.status().ToString();
                  if (r.ok())
                    ids.push_back(r->reference_id + "/" + InputFormatName(r->source.format));
                  return true;
                }).ok());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"66BUENOSAIRES2481/csv", "72TEHRAN1164/csv",
                                           "04ANKARA348/html", "/text"}));
}

TEST_F(ReadSourcesTest, DirectoryGivenAsFileIsAnIoError) {
  Status s = ReadSource(SourceFile{dir_.string(), 0, {}}, InputFormat::kAuto,
                        [](Result<RawCable>) { return true; });
  EXPECT_EQ(s.code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace cablebase::read
