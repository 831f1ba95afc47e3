#pragma once
// The Mustache parser: template text in, an immutable token tree out.
//
// Parsing applies the spec's whitespace rules once, so rendering never looks
// at the source again: standalone lines are removed, the indentation of
// standalone partials and parents is recorded on the node, and every block
// carries a copy of its content with its own indentation removed (used when it
// overrides a block of a parent template, see "Block reindentation" in
// ~inheritance.json).

#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace agora {

enum class TemplateNodeKind {
  kText,      // literal template text
  kVariable,  // {{x}} (escaped) or {{{x}}} / {{&x}} (raw)
  kSection,   // {{#x}}...{{/x}}
  kInverted,  // {{^x}}...{{/x}}
  kPartial,   // {{>x}} or {{>*x}}
  kParent,    // {{<x}}...{{/x}}; children are the overriding blocks only
  kBlock,     // {{$x}}...{{/x}}
};

struct TemplateNode {
  TemplateNodeKind kind = TemplateNodeKind::kText;
  // kText: the literal text. Otherwise the tag's name as written ("a.b", ".").
  std::string text;
  // The name split on '.'; empty for the implicit iterator ".".
  std::vector<std::string> path;
  bool escape = true;       // kVariable: HTML-escape the value
  bool dynamic = false;     // kPartial/kParent: `text` names a context value
                            // holding the template name ({{>*x}})
  bool standalone = false;  // the opening tag stood alone on its line
  // kPartial/kParent when standalone: the whitespace that preceded the tag,
  // prepended to every line of the included template.
  // kBlock: the indentation added to an overriding block's lines when it
  // fills this block (intrinsic indentation of the content for a standalone
  // tag, else the whitespace before the tag).
  std::string indent;
  std::vector<TemplateNode> children;
  // kBlock only: `children` with `indent` removed from the start of each line.
  std::vector<TemplateNode> dedented;
  int line = 0;  // 1-based position of the opening tag (or text)
  int column = 0;
};

struct ParsedTemplate {
  std::string file;  // name used in diagnostics
  std::vector<TemplateNode> nodes;
  std::vector<Diagnostic> errors;  // empty when the template parsed cleanly
  bool ok() const { return errors.empty(); }
};

// Parses `source`. Never throws; syntax errors (code "template-syntax") come
// back in `errors` with `file` and the 1-based line and byte column of the
// offending tag. A template with errors has no usable nodes.
ParsedTemplate parse_mustache(std::string_view source, std::string file);

}  // namespace agora
