// A search query that begins with '-' (an exclusion: `cablebase search -hamas`), told apart from
// the command's options before CLI11 reads the arguments.
#ifndef CABLEBASE_CLI_QUERY_ARGUMENT_H_
#define CABLEBASE_CLI_QUERY_ARGUMENT_H_

#include <string>
#include <vector>

namespace cablebase::cli {

// `args` is argv without the program name. When args[0] is a command whose positional argument
// is a query (search, export) and one argument after it starts with a single '-' but is not one
// of that command's short options, that argument is the query: it is moved to the end after
// "--", so CLI11 reads it as the positional (`search -hamas --db x` → `search --db x -- -hamas`).
// Short options keep their meaning: `-h`, `-n 5`, `-n5` (search), `-f csv`, `-o FILE`, `-fcsv`,
// `-oFILE` (export); `-hamas` and `-nato` are queries (help and a limit are never written so).
// Arguments are left alone when "--" is already present, when the word follows an option that
// takes a value, or when there are two candidates (CLI11 then reports the extra argument).
std::vector<std::string> QueryStartingWithMinusLast(std::vector<std::string> args);

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_QUERY_ARGUMENT_H_
