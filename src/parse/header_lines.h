// Line-level helpers shared by the text-header parsers (classification line, caveats, labels).
//
// Internal to src/parse; pure and thread-safe.
#ifndef CABLEBASE_PARSE_HEADER_LINES_H_
#define CABLEBASE_PARSE_HEADER_LINES_H_

#include <string>
#include <string_view>
#include <vector>

namespace cablebase::parse::internal {

// A line with its offsets in the text it came from: [begin, end) excludes the '\n';
// `next` is the offset of the following line.
struct Line {
  std::string_view text;
  size_t begin = 0, end = 0, next = 0;
};
std::vector<Line> LinesWithOffsets(std::string_view text);

// Joins runs of three or more single letters separated by single spaces into words:
// "C O N F I D E N T I A L SECTION 01" → "CONFIDENTIAL SECTION 01"; "S e c r e t berlin" →
// "Secret berlin" (08BERLIN1068). Two or more spaces end a run ("C O R R E C T E D  C O P Y").
std::string CollapseLetterSpacing(std::string_view line);

// The normalised classification a word sequence starts with, and how many bytes of `upper` it
// used: "UNCLAS"/"UNCLASSIFIED" → "UNCLASSIFIED", "LIMITED OFFICIAL USE", "CONFIDENTIAL",
// "SECRET", "TOP SECRET". `upper` is upper case with letter spacing collapsed. Tolerates a
// missing first letter ("ONFIDENTIAL", 10BAGHDAD290). Empty when none.
std::string MatchClassification(std::string_view upper, size_t* used);

// The caveat a token sequence starts with, canonical ("SIPDIS", "NOFORN", "SBU" for "SENSITIVE BUT
// UNCLASSIFIED", "OFFICIAL INFORMAL", "SPECAT EXCLUSIVE"...), and the bytes used; empty when none.
// `upper` is upper case.
std::string MatchCaveat(std::string_view upper, size_t* used);

// True when the (trimmed, any case) line starts a header field that ends the caveat block or a
// wrapped field: E.O./EO, TAGS, SUBJECT/SUBJ, REF/REFS/REFTEL, CLASSIFIED BY, a numbered paragraph.
bool StartsHeaderField(std::string_view line);

// True when `line` continues a SUBJECT across a blank line. The 2011 Cablegate HTML layout breaks
// the subject after its first line and puts a blank line before the rest: 09MOSCOW1108
// "SUBJECT: WAITING AND WATCHING: NORTH KOREA AFTER CURRENCY" / "" / "REFORM" / "" / "REF: ...";
// likewise 09LONDON290, 08LONDON2765, 09LONDON1946, 09BRASILIA1460. Without the rule the subject
// is cut and the REF and Classified By lines after it are read as body. `subject_block` is the
// subject so far with its label, its lines joined by spaces; `line` is the only line of the block
// after the blank; `next` is the first non-blank line after `line`. It continues when:
//  - `subject_block` is at least 40 bytes (it was wrapped: 09LONDON1946 wraps twice, "SUBJECT:
//    SCOTTISH PARLIAMENT HOLDS EMERGENCY" / "SESSION AS" / "" / "DEBATE OVER ...") and has no
//    lower-case letter;
//  - `line` has letters but no lower-case one, is at most 160 bytes, does not end with '.', and is
//    not a header field, classification line, caveat, page header (a number of 5+ digits), summary
//    heading or distribution line (PASS/FOR/DEPARTMENT FOR ...);
//  - `next` is a REF or Classified By line (all 5 real cases): before a numbered paragraph the
//    line is as likely a heading of the body ("BACKGROUND", "KEY POINTS") and stays body, so
//    that the body-start finder and the subject parser, which reads only the header, agree.
// Mixed-case subjects are left alone (09STATE30049 "Secretary Clinton's March 24, 2009" /
// "Conversation with ..."): nothing tells their continuation from an unnumbered first paragraph.
bool ContinuesSubjectAfterBlank(std::string_view subject_block, std::string_view line,
                                std::string_view next);

// What a REF block has said so far, kept line by line so that deciding whether it goes on costs
// nothing per blank line (a block of 20,000 entries stays linear): the last bullet letter in
// sequence from 'A' and the last non-blank line. Bullets are "A." "A)" "A:" "(A)" "[A]", a lone
// letter not inside a word; a letter out of sequence ("J. Speaks" after "A.") is not one.
struct RefBlockState {
  char last_bullet = 0;  // 0 before 'A'
  std::string tail;      // the last non-blank line, trimmed
  bool closed = false;   // a Classified By inside a line ended the block (07SANTIAGO983 "REF:
                         // ASUNCION 396 Classified By: ...; Reasons 1.4(b), (d)")
  // Adds one line of the block (the label line included). Linear in `line`.
  void Add(std::string_view line);
};

// True when `line`, the first line after one or more blank lines that follow a REF block, still
// belongs to it (the 2010 Cablegate HTML layout puts a blank line after the first entry:
// 04MADRID961 "REF: A. MADRID 881" / "" / "B. MADRID 919" / "C. MADRID 812"; likewise 06KIEV1261,
// 08BEIJING1618, 06PARIS7579, 06BAKU1835, 05PARIS7835, 07MADRID116, 08STATE15220, 09LAPAZ96).
// `block` is the REF block so far; `after` is the first non-blank line after the run of non-blank
// lines that `line` starts (empty when none). It belongs when:
//  - `line` starts with a bullet (after '-' or a pilcrow) whose letter is the next of the block's
//    sequence or repeats its last one ("B." after "A."; not "A.", not "D." after "A.");
//  - the block ends in an entry without its text — a bare bullet ("C)" / "" / "STATE 02034",
//    golden 02HARARE81), a bare year ("D. 03" / "" / "HANOI 2323") or the label alone ("REF:" /
//    "" / "LA PAZ 2974", issue 11 metamorphic tests) — and `line` is no other header field;
//  - the block's last line ends with `;` or `,`, the separator of its entries, and `line` is no
//    other header field nor a classification line (09RIODEJANEIRO365 "REF: RIO DE JANEIRO 329; RIO
//    DE JANEIRO 346;" / "" / "RIO DE JANEIRO 353 ...");
//  - the block ends in a post without its serial and `line` starts with a digit (05MADRID4026
//    "(C) SECSTATE" / "" / "36633"); the post must be spelled as one or as SECSTATE/USUN/HAGUE,
//    not merely be near one;
//  - `after` is a Classified By line and `line` is neither a numbered paragraph, another header
//    field nor a classification line: an entry between the REF and the Classified By lines is REF
//    whatever it says (10BEIJING207 "REF: XXXXXXXXXXXX" / "" / "XXXXXXXXXXXX" / "" / "Classified
//    By: ...").
bool ContinuesRefAfterBlank(const RefBlockState& block, std::string_view line,
                            std::string_view after);

// True when the (trimmed) line is a classification line that opens a repeated text header: the
// classification alone or followed by "SECTION nn OF nn" or by a post and serial, letter-spaced
// and in any case (09KHARTOUM881 and 09NAIROBI2497 repeat their header in lower case below the
// metadata copy: "C o n f i d e n t i a l section 01 of 02 khartoum 000881" ... "Ref: khartoum
// 00378" / "" / "Classified By: ..."). A sentence that starts with "Secret" is not one.
bool IsRepeatedClassificationLine(std::string_view line);

// Offset of `label` in `text` (case-insensitive) where it starts a word (no letter before it) and
// is followed by a non-letter; npos if absent.
size_t FindLabel(std::string_view text, std::string_view label, size_t from = 0);

}  // namespace cablebase::parse::internal

#endif  // CABLEBASE_PARSE_HEADER_LINES_H_
