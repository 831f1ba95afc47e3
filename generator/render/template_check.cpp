#include "render/template_check.h"

#include <set>
#include <tuple>

#include "render/contract.h"
#include "util/suggest.h"

namespace agora {

namespace {

// What a name resolves to, as a context stack entry.
struct Frame {
  enum Kind { kView, kScalar, kMap, kAny } kind = kAny;
  const ContractView* view = nullptr;           // kView
  const std::set<std::string>* keys = nullptr;  // kMap: the keys it has; null: any
  const char* what = "this value";              // how messages name it
};

class Checker {
 public:
  Checker(const Theme& theme, const SiteConfig& config, Diagnostics* diags)
      : theme_(theme), contract_(theme_contract()), diags_(diags) {
    for (const auto& [key, _] : theme.words.json().items()) words_.insert(key);
    for (const auto& type : config.types) {
      for (const auto& field : type.fields) {
        fields_by_type_[type.name].insert(field.name);
        all_fields_.insert(field.name);
      }
    }
  }

  void check_roots() {
    for (const auto& [name, view_name] : contract_.templates) {
      check_root(name, view_name, &all_fields_);
    }
    for (const auto& [name, _] : *theme_.files) {
      if (!name.starts_with("document-")) continue;
      auto fields = fields_by_type_.find(name.substr(9));
      check_root(name, "DocumentPage",
                 fields == fields_by_type_.end() ? &all_fields_ : &fields->second);
    }
  }

 private:
  void check_root(const std::string& name, const std::string& view_name,
                  const std::set<std::string>* fields) {
    auto tmpl = theme_.files->count(name) ? theme_.templates->find(name) : nullptr;
    if (!tmpl || !tmpl->ok()) return;
    fields_ = fields;
    std::vector<Frame> stack = {{Frame::kView, contract_.view(view_name), nullptr}};
    walk(tmpl->nodes, tmpl->file, &stack, 0);
  }

  void walk(const std::vector<TemplateNode>& nodes, const std::string& file,
            std::vector<Frame>* stack, int depth) {
    for (const TemplateNode& n : nodes) {
      switch (n.kind) {
        case TemplateNodeKind::kText:
          break;
        case TemplateNodeKind::kVariable:
          resolve(n, file, *stack);
          break;
        case TemplateNodeKind::kSection: {
          stack->push_back(resolve(n, file, *stack));
          walk(n.children, file, stack, depth);
          stack->pop_back();
          break;
        }
        case TemplateNodeKind::kInverted:
        case TemplateNodeKind::kBlock:
          if (n.kind == TemplateNodeKind::kInverted) resolve(n, file, *stack);
          walk(n.children, file, stack, depth);
          break;
        case TemplateNodeKind::kParent:
          walk(n.children, file, stack, depth);  // the overriding blocks
          [[fallthrough]];
        case TemplateNodeKind::kPartial:
          include(n, file, stack, depth);
          break;
      }
    }
  }

  void include(const TemplateNode& n, const std::string& file, std::vector<Frame>* stack,
               int depth) {
    if (n.dynamic) {
      resolve(n, file, *stack);
      return;
    }
    if (!theme_.files->count(n.text)) {
      std::vector<std::string> names;
      for (const auto& [name, _] : *theme_.files) names.push_back(name);
      report(file, n, "template-unknown-partial",
             std::string(n.kind == TemplateNodeKind::kParent ? "parent" : "partial") + " '" +
                 n.text + "' is not a template of the site or its theme",
             did_you_mean(n.text, names));
      return;
    }
    // Each template is checked once per shape of the data around it.
    if (depth > 50 || !visited_.insert(n.text + "\n" + signature(*stack)).second) return;
    auto tmpl = theme_.templates->find(n.text);
    if (tmpl && tmpl->ok()) walk(tmpl->nodes, tmpl->file, stack, depth + 1);
  }

  static std::string signature(const std::vector<Frame>& stack) {
    std::string out;
    for (const Frame& frame : stack) {
      out += std::to_string(frame.kind) + (frame.view ? frame.view->name : "") + "/";
    }
    return out;
  }

  Frame frame_of(const ContractKey& key) const {
    switch (key.shape) {
      case ContractKey::kObject:
        return {Frame::kView, contract_.view(key.view), nullptr};
      case ContractKey::kList:
        if (key.view.empty()) return {Frame::kScalar, nullptr, nullptr};
        return {Frame::kView, contract_.view(key.view), nullptr};
      case ContractKey::kMap:
        if (key.map_keys == ContractKey::kSchemaKeys) {
          return {Frame::kMap, nullptr, fields_, "the fields of this page's type (site.yaml)"};
        }
        if (key.map_keys == ContractKey::kWordKeys) {
          return {Frame::kMap, nullptr, &words_, "the theme's words (i18n)"};
        }
        return {Frame::kMap, nullptr, nullptr};
      case ContractKey::kScalar:
        break;
    }
    return {Frame::kScalar, nullptr, nullptr};
  }

  // The frame a name leads to; reports a name the contract does not have.
  Frame resolve(const TemplateNode& n, const std::string& file, const std::vector<Frame>& stack) {
    if (n.path.empty()) return stack.back();
    Frame at;
    bool found = false;
    for (auto it = stack.rbegin(); it != stack.rend() && !found; ++it) {
      found = lookup(*it, n.path.front(), &at);
    }
    if (!found) {
      report(file, n, "template-unknown-key",
             "'" + n.text + "' is not in the theme contract for this page",
             did_you_mean(n.path.front(), visible_names(stack)));
      return {};
    }
    for (size_t i = 1; i < n.path.size(); ++i) {
      Frame next;
      if (at.kind == Frame::kAny) return at;
      if (!lookup(at, n.path[i], &next) || at.kind == Frame::kScalar) {
        std::vector<std::string> names;
        add_names(at, &names);
        std::string owner = at.view ? at.view->name : at.what;
        report(file, n, "template-unknown-key",
               "'" + n.text + "': '" + n.path[i] + "' is not a key of " + owner,
               did_you_mean(n.path[i], names));
        return {};
      }
      at = next;
    }
    return at;
  }

  bool lookup(const Frame& frame, const std::string& name, Frame* out) const {
    switch (frame.kind) {
      case Frame::kView:
        if (const ContractKey* key = frame.view->key(name)) {
          *out = frame_of(*key);
          return true;
        }
        return false;
      case Frame::kMap:
        if (frame.keys && !frame.keys->count(name)) return false;
        *out = {};
        return true;
      case Frame::kAny:
        *out = {};
        return true;
      case Frame::kScalar:
        return false;
    }
    return false;
  }

  static void add_names(const Frame& frame, std::vector<std::string>* names) {
    if (frame.view) {
      for (const auto& key : frame.view->keys) names->push_back(key.name);
    }
    if (frame.keys) names->insert(names->end(), frame.keys->begin(), frame.keys->end());
  }

  // Innermost first: on a tie, the nearest section's name is the likelier one.
  static std::vector<std::string> visible_names(const std::vector<Frame>& stack) {
    std::vector<std::string> names;
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) add_names(*it, &names);
    return names;
  }

  void report(const std::string& file, const TemplateNode& n, const std::string& code,
              const std::string& message, const std::string& hint) {
    if (!reported_.insert({file, n.line, n.column, code}).second) return;
    std::string full_hint = hint.empty() ? "docs/THEMES.md lists every key of every page" : hint;
    diags_->warning(file, n.line, n.column, code, message, full_hint);
  }

  const Theme& theme_;
  const Contract& contract_;
  Diagnostics* diags_;
  std::set<std::string> words_;
  std::set<std::string> all_fields_;
  std::map<std::string, std::set<std::string>> fields_by_type_;
  const std::set<std::string>* fields_ = nullptr;
  std::set<std::string> visited_;
  std::set<std::tuple<std::string, int, int, std::string>> reported_;
};

}  // namespace

void check_template_contract(const Theme& theme, const SiteConfig& config, Diagnostics* diags) {
  Checker(theme, config, diags).check_roots();
}

}  // namespace agora
