// Tests of the query lexer, parser and compiler on ordinary and hostile queries (no database).
#include "query/parser.h"

#include <gtest/gtest.h>

#include <string>

#include "query/compiler.h"

namespace cablebase::query {
namespace {

std::string Tree(std::string_view q) {
  Result<Node> n = ParseQuery(q);
  if (!n.ok()) return "ERROR " + n.status().message();
  return ToString(*n);
}

Status Err(std::string_view q) {
  Result<Node> n = ParseQuery(q);
  return n.ok() ? Status::Ok() : n.status();
}

TEST(QueryParser, WordsAreAndedImplicitly) {
  EXPECT_EQ(Tree("hamas visit"), "(AND \"hamas\" \"visit\")");
  EXPECT_EQ(Tree("hamas AND visit"), "(AND \"hamas\" \"visit\")");
  EXPECT_EQ(Tree("hamas"), "\"hamas\"");
}

TEST(QueryParser, PhrasesAndPrefixes) {
  EXPECT_EQ(Tree("\"hamas visit\" vershin*"), "(AND \"hamas visit\" \"vershin\"*)");
  EXPECT_EQ(Tree("\"hamas deleg\"*"), "\"hamas deleg\"*");
}

TEST(QueryParser, OrBindsLooserThanAnd) {
  EXPECT_EQ(Tree("a b OR c"), "(OR (AND \"a\" \"b\") \"c\")");
  EXPECT_EQ(Tree("a (b OR c)"), "(AND \"a\" (OR \"b\" \"c\"))");
  EXPECT_EQ(Tree("a OR b OR c"), "(OR \"a\" \"b\" \"c\")");
  EXPECT_EQ(Tree("(a OR b) OR (c OR d)"), "(OR \"a\" \"b\" \"c\" \"d\")");
}

TEST(QueryParser, NotAndMinus) {
  EXPECT_EQ(Tree("hamas -fatah"), "(AND \"hamas\" (NOT \"fatah\"))");
  EXPECT_EQ(Tree("hamas NOT fatah"), "(AND \"hamas\" (NOT \"fatah\"))");
  EXPECT_EQ(Tree("-hamas"), "(NOT \"hamas\")");
  EXPECT_EQ(Tree("-(a OR b)"), "(NOT (OR \"a\" \"b\"))");
  EXPECT_EQ(Tree("-tag:PREL"), "(NOT tag:PREL)");
  EXPECT_EQ(Tree("-\"a b\""), "(NOT \"a b\")");
  // A hyphen inside a word is part of the word; a lone '-' is punctuation.
  EXPECT_EQ(Tree("anti-american"), "\"anti-american\"");
  EXPECT_EQ(Tree("a - b"), "(AND \"a\" \"b\")");
}

TEST(QueryParser, LowerCaseOperatorsAreWords) {
  EXPECT_EQ(Tree("war and peace"), "(AND \"war\" \"and\" \"peace\")");
  EXPECT_EQ(Tree("not or"), "(AND \"not\" \"or\")");
}

TEST(QueryParser, FiltersAreNormalised) {
  EXPECT_EQ(Tree("tag:prel"), "tag:PREL");
  EXPECT_EQ(Tree("TAG:PREL origin:moscow"), "(AND tag:PREL origin:MOSCOW)");
  EXPECT_EQ(Tree("tag:\"biden,  joseph\""), "tag:BIDEN, JOSEPH");
  EXPECT_EQ(Tree("origin:\"rio de janeiro\""), "origin:RIO DE JANEIRO");
  EXPECT_EQ(Tree("class:secret class:lou class:TS class:unclas"),
            "(AND class:SECRET class:LIMITED OFFICIAL USE class:TOP SECRET class:UNCLASSIFIED)");
  EXPECT_EQ(Tree("caveat:noforn"), "caveat:NOFORN");
  EXPECT_EQ(Tree("from:2006-2 to:2006/03/5 from:1979"),
            "(AND from:2006-02 to:2006-03-05 from:1979)");
  EXPECT_EQ(Tree("ref:06moscow1323"), "ref:06MOSCOW1323");
  // Published malformed IDs are repaired as in the archive (model/reference_id.h).
  EXPECT_EQ(Tree("cites:7575LIBREVILLE1895"), "cites:75LIBREVILLE1895");
  EXPECT_EQ(Tree("citedby:06MOSCOW1637"), "citedby:06MOSCOW1637");
  // NARA/AAD and PlusD spell the year with four digits and pad the serial (corpus-more
  // plusd-html/1974ATHENS03099_b.html): both spellings name the same cable (issue 11).
  EXPECT_EQ(Tree("ref:1974ATHENS03099"), "ref:74ATHENS3099");
  EXPECT_EQ(Tree("cites:74athens3099"), "cites:74ATHENS3099");
  EXPECT_EQ(Tree("citedby:1975MOSCOW01234"), "citedby:75MOSCOW1234");
  EXPECT_EQ(Tree("subject:hamas subject:\"visit to\" subject:mosc*"),
            "(AND subject:\"hamas\" subject:\"visit to\" subject:\"mosc\"*)");
}

TEST(QueryParser, SeedQuery) {
  EXPECT_EQ(Tree("hamas visit tag:PREL from:2006-02 to:2006-02"),
            "(AND \"hamas\" \"visit\" tag:PREL from:2006-02 to:2006-02)");
}

TEST(QueryParser, ErrorsSayWhereAndWhatWasExpected) {
  Status s = Err("hamas (visit OR moscow");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.column(), 23);
  EXPECT_EQ(s.message(), "column 23: expected ')' to close the '(' at column 7");

  s = Err("hamas)");
  EXPECT_EQ(s.column(), 6);
  EXPECT_EQ(s.message(), "column 6: unexpected ')' with no '(' to close");

  s = Err("hamas OR");
  EXPECT_EQ(s.column(), 9);
  EXPECT_EQ(s.message(), "column 9: expected a search term after 'OR'");

  s = Err("OR hamas");
  EXPECT_EQ(s.column(), 1);
  EXPECT_NE(s.message().find("expected a search term before 'OR'"), std::string::npos);

  s = Err("\"hamas visit");
  EXPECT_EQ(s.column(), 13);
  EXPECT_EQ(s.message(), "column 13: expected '\"' to close the phrase opened at column 1");

  s = Err("tag:");
  EXPECT_EQ(s.column(), 5);
  EXPECT_NE(s.message().find("expected a value after 'tag:'"), std::string::npos);

  s = Err("from:2006-13");
  EXPECT_EQ(s.column(), 6);
  EXPECT_NE(s.message().find("expected a date YYYY, YYYY-MM or YYYY-MM-DD"), std::string::npos);
  EXPECT_FALSE(Err("from:2006-02-30").ok());
  EXPECT_TRUE(Err("from:2008-02-29").ok());
  EXPECT_FALSE(Err("from:2007-02-29").ok());

  s = Err("class:purple");
  EXPECT_NE(s.message().find("expected a classification"), std::string::npos);

  s = Err("body:x");
  EXPECT_EQ(s.column(), 1);
  EXPECT_NE(s.message().find("unknown field 'body:'"), std::string::npos);

  s = Err("");
  EXPECT_NE(s.message().find("empty query"), std::string::npos);
  EXPECT_NE(Err("   ").message().find("empty query"), std::string::npos);
  EXPECT_NE(Err("()").message().find("expected a search term before ')' after '('"),
            std::string::npos);
  EXPECT_NE(Err("NOT").message().find("after 'NOT'"), std::string::npos);
  EXPECT_NE(Err("tag:P*").message().find("'*'"), std::string::npos);

  // A '-' inside the value is not an exclusion (FTS5 would drop it and find "iran"): an error
  // that shows the form that excludes.
  s = Err("hamas subject:-iran");
  EXPECT_EQ(s.column(), 15);
  EXPECT_EQ(s.message(),
            "column 15: a field value cannot start with '-'; to exclude, put '-' before the field "
            "(-subject:iran)");
  EXPECT_NE(Err("tag:-PREL").message().find("(-tag:PREL)"), std::string::npos);
  EXPECT_TRUE(Err("-subject:iran hamas").ok());
  EXPECT_TRUE(Err("subject:\"-iran\"").ok());
}

TEST(QueryParser, ColumnsCountCharactersNotBytes) {
  Status s = Err("São (Paulo");  // 'ã' is two bytes
  EXPECT_EQ(s.column(), 11);
  EXPECT_NE(s.message().find("'(' at column 5"), std::string::npos);
}

// Hostile input: every one gives a clear error or a well-formed tree, never a crash.
TEST(QueryParser, HostileQueries) {
  // FTS5 syntax is just text to us: operators, column filters, NEAR, '^', '+', braces.
  EXPECT_EQ(Tree("NEAR(hamas visit)"), "(AND \"NEAR\" \"hamas\" \"visit\")");
  EXPECT_EQ(Tree("NEAR("), "ERROR column 6: expected a search term after '('");
  EXPECT_EQ(Tree("^hamas"), "\"^hamas\"");
  EXPECT_EQ(Tree("{subject}:hamas"), "\"{subject}:hamas\"");
  EXPECT_EQ(Tree("subject : hamas"), "(AND \"subject\" \"hamas\")");
  EXPECT_EQ(Tree("a + b"), "(AND \"a\" \"b\")");
  EXPECT_EQ(Tree("hamas & | ~ visit"), "(AND \"hamas\" \"visit\")");
  // Non-ASCII punctuation and emoji carry no word (FTS5 would match nothing for them).
  EXPECT_EQ(Tree("hamas \u2014 \U0001F600 \u00BF visit"), "(AND \"hamas\" \"visit\")");
  EXPECT_EQ(Tree("S\u00E3o \u0418\u0432\u0430\u043D"),
            "(AND \"S\u00E3o\" \"\u0418\u0432\u0430\u043D\")");
  // '*' alone, or '*' in odd places.
  EXPECT_NE(Err("*").message().find("expected a word before '*'"), std::string::npos);
  EXPECT_NE(Err("hamas **").message().find("expected a word before '*'"), std::string::npos);
  EXPECT_EQ(Tree("ha*mas"), "\"ha*mas\"");
  // Quotes.
  EXPECT_FALSE(Err("\"").ok());
  EXPECT_FALSE(Err("\"\"\"").ok());
  EXPECT_EQ(Tree("\"\""),
            "ERROR column 1: empty query: expected a word, a \"phrase\" or a filter "
            "such as tag:PREL");
  EXPECT_EQ(Tree("a\"b c\"d"), "(AND \"a\" \"b c\" \"d\")");
  // SQL fragments are words (and "';", "--" have no letters, so they are dropped).
  EXPECT_EQ(Tree("'; DROP TABLE cables; --"), "(AND \"DROP\" \"TABLE\" \"cables;\")");
  EXPECT_EQ(Tree("x' OR '1'='1"), "(OR \"x'\" \"'1'='1\")");
  // NUL and control bytes separate words.
  EXPECT_EQ(Tree(std::string("ha\0mas", 6)), "(AND \"ha\" \"mas\")");
  EXPECT_EQ(Tree(std::string("\0", 1)).substr(0, 13), "ERROR column ");
  // Invalid UTF-8 is refused with its position.
  Status s = Err("abc \xff");
  EXPECT_EQ(s.column(), 5);
  EXPECT_NE(s.message().find("invalid UTF-8"), std::string::npos);
  EXPECT_FALSE(Err("\xc3").ok());
  EXPECT_FALSE(Err("\xed\xa0\x80").ok());  // a UTF-16 surrogate
  // Deep nesting and huge queries are refused before they reach SQLite or FTS5.
  EXPECT_NE(Err(std::string(10000, '(') + "a").message().find("nests more than"),
            std::string::npos);
  EXPECT_NE(Err(std::string(100, '-') + "a").message().find(""), std::string::npos);
  std::string ten_kb;
  while (ten_kb.size() < 10240) ten_kb += "cable ";
  EXPECT_NE(Err(ten_kb).message().find("terms; at most 256"), std::string::npos);
  std::string one_word(10240, 'x');
  EXPECT_EQ(Tree(one_word), "\"" + one_word + "\"");
}

TEST(QueryParser, NeverCrashesOnAnyShortByteString) {
  // Every string of up to 3 bytes over an alphabet of the characters the lexer treats specially.
  const std::string alphabet = std::string("a(\")*-:+ \0\xc3", 11);
  std::vector<std::string> all = {""};
  for (int len = 1; len <= 3; ++len) {
    std::vector<std::string> next;
    for (const std::string& s : all) {
      if (static_cast<int>(s.size()) != len - 1) continue;
      for (char c : alphabet) next.push_back(s + c);
    }
    all.insert(all.end(), next.begin(), next.end());
  }
  for (const std::string& q : all) {
    Result<Node> n = ParseQuery(q);
    if (n.ok()) {
      EXPECT_TRUE(Compile(*n).ok()) << q;
    } else {
      EXPECT_EQ(n.status().code(), StatusCode::kInvalidArgument) << q;
      EXPECT_GT(n.status().column(), 0) << q;
    }
  }
}

CompiledQuery Compiled(std::string_view q) {
  Result<Node> n = ParseQuery(q);
  EXPECT_TRUE(n.ok()) << q << ": " << n.status().message();
  Result<CompiledQuery> c = Compile(*n);
  EXPECT_TRUE(c.ok()) << q;
  return c.ok() ? *c : CompiledQuery{};
}

TEST(QueryCompiler, TextGoesToFtsAsQuotedStrings) {
  CompiledQuery c = Compiled("hamas \"visit to\" vershin* subject:moscow");
  EXPECT_EQ(c.match, "(\"hamas\" AND \"visit to\" AND \"vershin\" * AND {subject} : \"moscow\")");
  EXPECT_EQ(c.where, "1");
  EXPECT_TRUE(c.params.empty());
}

TEST(QueryCompiler, QuotesInsideWordsAreDoubled) {
  EXPECT_EQ(QuoteFts("a\"b", false), "\"a\"\"b\"");
  EXPECT_EQ(Compiled("x\"y z\"").match, "(\"x\" AND \"y z\")");
  EXPECT_EQ(Compiled("NEAR(a)").match, "(\"NEAR\" AND \"a\")");
}

TEST(QueryCompiler, NotInsideAndStaysInFts) {
  CompiledQuery c = Compiled("hamas -fatah -plo");
  EXPECT_EQ(c.match, "(\"hamas\" NOT (\"fatah\" OR \"plo\"))");
  EXPECT_EQ(c.where, "1");
}

TEST(QueryCompiler, NotAloneIsAllCablesMinus) {
  CompiledQuery c = Compiled("-hamas");
  EXPECT_EQ(c.match, "");
  EXPECT_EQ(c.where, "NOT (c.id IN (SELECT rowid FROM cables_fts WHERE cables_fts MATCH ?))");
  ASSERT_EQ(c.params.size(), 1u);
  EXPECT_EQ(c.params[0], "\"hamas\"");
}

TEST(QueryCompiler, FiltersAreBoundParameters) {
  CompiledQuery c = Compiled("hamas tag:PREL from:2006-02 to:2006-02 class:c");
  EXPECT_EQ(c.match, "\"hamas\"");
  EXPECT_EQ(c.where,
            "c.id IN (SELECT cable_id FROM tags WHERE tag = ? COLLATE NOCASE) AND c.created >= ? "
            "AND c.created < ? AND c.classification_level = ?");
  EXPECT_EQ(c.params, (std::vector<std::string>{"PREL", "2006-02", "2006-02~", "CONFIDENTIAL"}));
}

TEST(QueryCompiler, OriginMatchesPostKeyAndWords) {
  CompiledQuery c = Compiled("origin:\"rio de janeiro\"");
  EXPECT_NE(c.where.find("c.post_key = ? COLLATE NOCASE"), std::string::npos);
  ASSERT_EQ(c.params.size(), 4u);
  EXPECT_EQ(c.params[0], "RIODEJANEIRO");
  EXPECT_EQ(c.params[1], "% RIO DE JANEIRO %");
  // LIKE's wildcards in a value are escaped.
  EXPECT_EQ(Compiled("origin:a%_b").params.back(), "% A\\%\\_B %");
}

TEST(QueryCompiler, TextUnderOrWithAFilterBecomesASubquery) {
  CompiledQuery c = Compiled("hamas OR tag:PREL");
  EXPECT_EQ(c.match, "");
  EXPECT_EQ(c.where,
            "(c.id IN (SELECT rowid FROM cables_fts WHERE cables_fts MATCH ?) OR c.id IN (SELECT "
            "cable_id FROM tags WHERE tag = ? COLLATE NOCASE))");
  EXPECT_EQ(c.params, (std::vector<std::string>{"\"hamas\"", "PREL"}));
  EXPECT_EQ(c.highlight, "\"hamas\"");
}

TEST(QueryCompiler, FilterOnlyQueryHasNoMatch) {
  CompiledQuery c = Compiled("ref:06MOSCOW1323");
  EXPECT_EQ(c.match, "");
  EXPECT_EQ(c.highlight, "");
  EXPECT_EQ(c.where, "c.id IN (SELECT cable_id FROM refs WHERE cited_id = ?)");
  CompiledQuery d = Compiled("citedby:06MOSCOW1637");
  EXPECT_EQ(d.where, "c.reference_id IN (SELECT cited_id FROM refs WHERE citing_id = ?)");
}

}  // namespace
}  // namespace cablebase::query
