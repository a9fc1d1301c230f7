// Readers: turn files, directories, CSV dumps and stdin into raw cables (metadata + two text blocks).
//
// Every input form of shared/spec/FORMAT.md §1 is read here; the telegram itself is understood by
// parse.h. Format detection is automatic unless a format is forced.
#ifndef CABLEBASE_READ_H_
#define CABLEBASE_READ_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/cable.h"
#include "cablebase/status.h"

namespace cablebase {

// One cable as read, before parsing: the publisher's metadata and the two blocks of text, decoded to
// UTF-8 (HTML entities decoded, Latin-1 converted, CRLF → LF). Owned by value; movable.
struct RawCable {
  SourceInfo source;
  std::string reference_id;   // as published (HTML table, alx line 1, CSV column 3); may be empty
  std::string title;          // alx line 2 (the subject as published); else empty
  std::string created;        // as published: "2004-01-20 12:12", "12/28/1966 18:48", alx date
  std::string released;       // as published (HTML only): "2010-11-28 18:06"
  std::string classification; // as published: link text, CSV column 5, alx line 4
  std::string origin;         // "Embassy Ankara"
  std::vector<std::string> references;  // CSV column 6, split on commas
  std::string header;         // first block: transmission/routing header (may be empty)
  std::string text;           // second block: the telegram text from the classification line on
  uint64_t bytes = 0;         // size of the input this cable came from (for throughput figures)
  ArchiveFields archive;      // the archive forms' own fields (cable.h); empty for Cablegate forms
  // FRUS: the telegram's date-time as ISO 8601 from <date when>, used when the text has no DTG.
  std::string date_time;
  // FRUS: the signer from <closer><signed>, used when the text gives none.
  std::string signer;
  // Set by a reader for a document it read but that is not a telegram (a FRUS memorandum): not an
  // error; the caller counts it and moves on (ParseCable refuses it with this reason).
  std::string skipped;
};

// Largest file read as one cable (every form but the CSV dump, which is streamed): a telegram is at
// most a few hundred KB, a FRUS TEI volume file some MB. A bigger file (or an endless stream:
// /dev/zero, a pipe that never ends) is refused with an error naming the file and this limit after
// reading at most this many bytes; a regular file is refused from its size, before any read
// (issue 14: a multi-GB file was read whole, then failed with bad_alloc).
inline constexpr uint64_t kMaxCableFileBytes = uint64_t{64} << 20;  // 64 MiB

// How long ReadSource waits for the first byte of a FIFO (named pipe) given by name before it
// refuses it: a FIFO no process writes to would block forever (issue 14: `parse FIFO` hung).
// Process substitution (`<(zcat dump.gz)`) has its writer at once. The environment variable
// CABLEBASE_FIFO_WAIT_MS overrides it (tests).
inline constexpr int kFifoWaitMs = 10000;

// A file to read, found by ListSources.
struct SourceFile {
  std::string path;   // "-" for stdin
  uint64_t size = 0;  // bytes; 0 for stdin
  // Set for an entry of a listed directory that is not read: a FIFO, a socket, a device, a
  // dangling symbolic link or a link to a directory ("a FIFO (named pipe)", ...). ReadSource then
  // reports it through the sink as a failure naming the entry and this reason (never silently).
  std::string not_read;
};

// Expands paths: files as they are, directories recursively (sorted, regular files read; hidden
// files and the companion files .md/.tsv/.json/.jsonl skipped; any other entry — FIFO, socket,
// device, dangling or directory symlink — listed with `not_read` set so the caller says so), "-"
// as stdin. Fails with kNotFound naming the first path that does not exist.
Result<std::vector<SourceFile>> ListSources(const std::vector<std::string>& paths);

// Guesses the format of a file from its first bytes (`head`, at least 4 KiB when the file has it)
// and its name: "<html"/"<table class='cable'" → HTML; a leading quoted CSV row with 8 columns →
// CSV; anything else → text.
InputFormat DetectFormat(std::string_view head, std::string_view path);

// Called once per cable or per failed cable. Return false to stop reading.
using RawCableSink = std::function<bool(Result<RawCable>)>;

// Reads one source and calls `sink` for each cable in it, in order. CSV dumps are streamed (constant
// memory however large the file). A cable that cannot be read is passed to `sink` as a failed Result
// whose Status names the file and line/row; reading goes on with the next one. Returns a failure only
// when the file itself cannot be opened or read (kIoError/kNotFound). A file over
// kMaxCableFileBytes (not a CSV dump), a listed entry with `not_read` and a FIFO without data after
// kFifoWaitMs are each passed to `sink` as a failure naming the file and the reason.
Status ReadSource(const SourceFile& file, InputFormat format, const RawCableSink& sink);

// Reads cables from bytes already in memory (tests, fuzzers, HTTP uploads). `path` only labels errors.
Status ReadBuffer(std::string_view bytes, InputFormat format, std::string_view path,
                  const RawCableSink& sink);

}  // namespace cablebase

#endif  // CABLEBASE_READ_H_
