// The words of a search query, told apart from the command's options before CLI11 reads the
// arguments: `cablebase search hamas visit --db x`, `cablebase search -hamas moscow`.
#ifndef CABLEBASE_CLI_QUERY_ARGUMENT_H_
#define CABLEBASE_CLI_QUERY_ARGUMENT_H_

#include <string>
#include <vector>

namespace cablebase::cli {

// `args` is argv without the program name. When args[0] is a command whose positional argument
// is a query (search, export), every argument that is neither one of that command's options nor
// an option's value is a query word, even one starting with '-' (an exclusion: CLI11 read
// `-hamas` as -h and printed the help). The result keeps the options first and puts the query
// words after "--", in their order (`search -hamas moscow --db x` → `search --db x -- -hamas
// moscow`); the command joins them with spaces. Short options keep their meaning: `-h`, `-n 5`,
// `-n5` (search), `-f csv`, `-o FILE`, `-fcsv`, `-oFILE` (export); `-hamas` and `-nato` are words.
// Arguments are left alone when "--" is already present (the user separated them).
std::vector<std::string> QueryWordsAfterOptions(std::vector<std::string> args);

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_QUERY_ARGUMENT_H_
