// `cablebase audit`: parse cables and check each record against its own raw text
// (cablebase/audit.h).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cablebase/audit.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/format_option.h"
#include "cli/parsed_cables.h"
#include "model/text_util.h"

namespace cablebase::cli {

namespace {

struct AuditOptions {
  std::vector<std::string> inputs;
  std::string format = "auto";
  bool json = false;
  std::string out;
  std::string invariant_list;  // "ref_labels,classified_by"
  bool list = false;
  bool verbose = false;
  int show_ids = 5;
};

void ListInvariants() {
  for (const InvariantInfo& i : Invariants()) {
    std::printf("%-18s %-15s %s\n", i.name, i.field, i.description);
  }
}

// A TSV cell: tabs and newlines would break the row.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  return out;
}

std::string Share(int64_t n, int64_t total) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", total ? 100.0 * static_cast<double>(n) / total : 0.0);
  return buf;
}

void RunAudit(const AuditOptions& opt) {
  if (opt.list) {
    ListInvariants();
    SetExitCode(kExitOk);
    return;
  }
  InputFormat format = InputFormat::kAuto;
  if (Status s = ParseFormatOption(opt.format, &format); !s.ok()) {
    PrintError(s);
    SetExitCode(kExitError);
    return;
  }
  if (opt.inputs.empty()) {
    PrintError(Status(StatusCode::kInvalidArgument, "give files or directories to audit"));
    SetExitCode(kExitError);
    return;
  }
  std::vector<std::string> names;
  for (std::string_view n : model::Split(opt.invariant_list, ',')) {
    n = model::Trim(n);
    if (!n.empty()) names.emplace_back(n);
  }
  std::vector<bool> wanted(Invariants().size(), names.empty());
  for (const std::string& name : names) {
    Invariant inv;
    if (!FindInvariant(name, &inv)) {
      PrintError(Status(StatusCode::kInvalidArgument,
                        "no invariant named '" + name + "' (cablebase audit --list)"));
      SetExitCode(kExitError);
      return;
    }
    wanted[static_cast<size_t>(inv)] = true;
  }
  std::unique_ptr<std::ofstream> tsv;
  if (!opt.out.empty()) {
    tsv = std::make_unique<std::ofstream>(opt.out, std::ios::binary | std::ios::trunc);
    if (!*tsv) {
      PrintError(Status(StatusCode::kIoError, "cannot write " + opt.out));
      SetExitCode(kExitError);
      return;
    }
    *tsv << "reference_id\tpath\tinvariant\tmessage\texpected\tfound\n";
  }
  // Progress on stderr when it is a terminal (a long run over a 1.7 GB dump takes minutes).
  const bool progress = isatty(STDERR_FILENO) != 0;
  AuditReport report;
  size_t file_index = 0, file_count = 0;
  bool ok = ForEachParsedCable(
      opt.inputs, format, /*skipped=*/nullptr,
      [&](const RawCable& raw, const Cable& cable) {
        std::vector<Finding> all = AuditCable(raw.header, raw.text, cable);
        std::vector<Finding> findings;
        for (Finding& f : all) {
          if (wanted[static_cast<size_t>(f.invariant)]) findings.push_back(std::move(f));
        }
        report.Add(cable, findings);
        if (progress && report.cables() % 1000 == 0) {
          std::fprintf(stderr, "\raudit: file %zu of %zu, %lld cables", file_index + 1, file_count,
                       static_cast<long long>(report.cables()));
        }
        if (tsv) {
          for (const Finding& f : findings) {
            *tsv << Cell(cable.reference_id) << '\t' << Cell(cable.source.path) << '\t'
                 << InvariantInfoOf(f.invariant).name << '\t' << Cell(f.message) << '\t'
                 << Cell(f.expected) << '\t' << Cell(f.found) << '\n';
          }
        }
        return true;
      },
      [&](size_t i, size_t n, const SourceFile&) {
        file_index = i;
        file_count = n;
        if (progress && n > 20 && (i % 20 == 0 || i + 1 == n)) {
          std::fprintf(stderr, "\raudit: file %zu of %zu, %lld cables", i + 1, n,
                       static_cast<long long>(report.cables()));
        }
      });
  if (progress) std::fprintf(stderr, "\r\033[K");

  const int64_t total = report.cables();
  if (!ok && total == 0) {  // nothing could be read: the errors above are the report
    SetExitCode(kExitError);
    return;
  }
  if (ok && total == 0) {  // readable inputs without a cable: 1, as for parse and validate
    ReportNoCables(opt.inputs);
    SetExitCode(kExitNoneFound);
    return;
  }
  if (opt.json) {
    nlohmann::ordered_json inv = nlohmann::ordered_json::array();
    for (const AuditReport::Count& c : report.counts()) {
      if (!wanted[static_cast<size_t>(c.info.id)]) continue;
      nlohmann::ordered_json hits = nlohmann::ordered_json::array();
      for (const AuditReport::Hit& h : c.hits) {
        hits.push_back({{"reference_id", h.reference_id},
                        {"path", h.path},
                        {"message", h.finding.message},
                        {"expected", h.finding.expected},
                        {"found", h.finding.found}});
      }
      inv.push_back({{"name", c.info.name},
                     {"field", c.info.field},
                     {"description", c.info.description},
                     {"cables", c.cables},
                     {"hits", hits}});
    }
    nlohmann::ordered_json j = {{"cables", total},
                                {"cables_with_findings", report.cables_with_findings()},
                                {"invariants", inv}};
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    std::printf("%-18s %7s %6s  %s\n", "invariant", "cables", "share", "first cables");
    for (const AuditReport::Count& c : report.counts()) {
      if (!wanted[static_cast<size_t>(c.info.id)]) continue;
      std::string ids;
      int shown = 0;
      std::string last;
      for (const AuditReport::Hit& h : c.hits) {
        if (h.reference_id == last) continue;
        last = h.reference_id;
        if (shown++ == opt.show_ids) {
          ids += " …";
          break;
        }
        ids += (ids.empty() ? "" : " ") + h.reference_id;
      }
      std::printf("%-18s %7lld %6s  %s\n", c.info.name, static_cast<long long>(c.cables),
                  Share(c.cables, total).c_str(), ids.c_str());
    }
    std::printf("\n%lld cables audited: %lld break an invariant (%s), %lld keep them all\n",
                static_cast<long long>(total),
                static_cast<long long>(report.cables_with_findings()),
                Share(report.cables_with_findings(), total).c_str(),
                static_cast<long long>(total - report.cables_with_findings()));
    if (opt.verbose) {
      for (const AuditReport::Count& c : report.counts()) {
        if (c.hits.empty()) continue;
        std::printf("\n== %s: %s\n", c.info.name, c.info.description);
        for (const AuditReport::Hit& h : c.hits) {
          std::printf("%s\t%s\n", h.reference_id.c_str(), h.finding.message.c_str());
          std::printf("    %s\n", h.path.c_str());
        }
      }
    }
  }
  std::fflush(stdout);
  if (tsv) tsv->flush();
  SetExitCode(!ok ? kExitError : (report.cables_with_findings() > 0 ? kExitNoneFound : kExitOk));
}

}  // namespace

void RegisterAuditCommand(CLI::App& app) {
  auto opt = std::make_shared<AuditOptions>();
  CLI::App* cmd = app.add_subcommand(
      "audit",
      "Parse cables and check each record against its own raw text: invariants every well-formed\n"
      "cable keeps, checked by simple scans of the text that do not reuse the parser's rules. A\n"
      "broken invariant is usually an extraction fault (sometimes a malformed cable):\n"
      "  ref_labels         REF: A. MADRID 881 / (blank) / ¶B. MADRID 919 / ¶C. MADRID 812 gives\n"
      "                     3 references, not 1 (\"references: 3 labels in REF, 1 read\")\n"
      "  ref_ids            a REF entry written like a cable (MOSCOW 1323, 05 STATE 123456) has an "
      "ID\n"
      "  paragraph_numbers  the record loses no paragraph number the text gives (a cable that\n"
      "                     skips a number itself is no fault), repeats none, stops not early\n"
      "  portion_marks      every (mark) is (U) (SBU) (C) (S) (TS), with /NF, //REL ..., //FGI "
      "...\n"
      "  classified_by      a Classified By line is read; its name is words of the line and holds\n"
      "                     no title (CDA, Unit, Derived); reasons are 1.4(a)-(h) or 1.5\n"
      "  tags, subject      the TAGS tokens are in tags; the SUBJECT words are in subject\n"
      "  reference_id       the ID agrees with the classification line (post, serial, SECTION n "
      "OF\n"
      "                     m) and the year of the DTG\n"
      "  created_dtg        created and the DTG fall on the same date (the gap is reported)\n"
      "  signers            each signer is words of the text's last lines; a surname in capitals\n"
      "                     closing the text (\"... upon request. CLINTON\") is read as a signer\n"
      "  body_header        no FM/TO/INFO/E.O./TAGS line is left at the start of the body\n"
      "Prints a table (invariant, cables, share, first cable IDs); --verbose adds every finding.\n"
      "Progress goes to stderr when it is a terminal. `ingest` stores the same findings per "
      "cable:\n"
      "`stats` counts them, `show ID` and the web UI's cable page list them.\n"
      "Exit status: 0 no invariant broken, 1 some broken or no cable in the inputs (as parse and\n"
      "validate), 2 an input could not be read.\n"
      "docs/audit.md describes each detector, the cables that taught it and its counts.\n\n"
      "Examples:\n"
      "  cablebase audit ../shared/corpus\n"
      "  cablebase audit --invariant ref_labels,classified_by --verbose ../shared/corpus/html\n"
      "  cablebase audit --json cable.html | jq '.invariants[] | select(.cables > 0) | .name'\n"
      "  cablebase audit --out findings.tsv cables.csv     (one row per finding, with the path)\n"
      "  cablebase audit --list");
  cmd->add_option("inputs", opt->inputs, "Files, directories (recursive) or - for stdin");
  cmd->add_option("--format,-f", opt->format, FormatOptionHelp())->default_str("auto");
  cmd->add_flag("--json", opt->json,
                "The report as one JSON object: cables, cables_with_findings, invariants[] (name,\n"
                "field, description, cables, hits[] with reference_id, path, message, expected,\n"
                "found)");
  cmd->add_option("--out", opt->out,
                  "Also write every finding to this TSV file (reference_id, path, invariant,\n"
                  "message, expected, found; a header row)");
  cmd->add_option("--invariant", opt->invariant_list,
                  "Check only these invariants, comma-separated (ref_labels,classified_by); names\n"
                  "from --list");
  cmd->add_flag("--list", opt->list, "Print every invariant: name, record field, what it checks");
  cmd->add_flag("--verbose,-v", opt->verbose, "After the table, every finding by invariant");
  cmd->add_option("--show", opt->show_ids, "Cable IDs listed per invariant in the table")
      ->default_str("5");
  cmd->callback([opt] { RunAudit(*opt); });
}

}  // namespace cablebase::cli
