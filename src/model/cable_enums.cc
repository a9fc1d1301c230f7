// Names of the record's enumerations, as printed in JSON and on the CLI.
#include "cablebase/cable.h"

namespace cablebase {

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kCablegateHtml: return "html";
    case InputFormat::kText: return "text";
    case InputFormat::kCsv: return "csv";
    case InputFormat::kPdf: return "pdf";
    case InputFormat::kPlusdHtml: return "plusd";
    case InputFormat::kFrusTei: return "frus";
    case InputFormat::kCfpfGt: return "cfpf-gt";
    case InputFormat::kFoiaText: return "foia-text";
    case InputFormat::kAad: return "aad";
  }
  return "auto";
}

const char* TagKindName(TagKind k) {
  switch (k) {
    case TagKind::kUnknown: return "unknown";
    case TagKind::kSubject: return "subject";
    case TagKind::kPerson: return "person";
    case TagKind::kProgram: return "program";
    case TagKind::kGeographic: return "geographic";
    case TagKind::kOrganization: return "organization";
  }
  return "unknown";
}

const char* ReferenceKindName(ReferenceKind k) {
  switch (k) {
    case ReferenceKind::kUnknown: return "unknown";
    case ReferenceKind::kCable: return "cable";
    case ReferenceKind::kEmail: return "email";
    case ReferenceKind::kBook: return "book";
    case ReferenceKind::kTelcon: return "telcon";
    case ReferenceKind::kReport: return "report";
    case ReferenceKind::kFax: return "fax";
    case ReferenceKind::kMemo: return "memo";
    case ReferenceKind::kMeeting: return "meeting";
    case ReferenceKind::kWeb: return "web";
  }
  return "unknown";
}

}  // namespace cablebase
