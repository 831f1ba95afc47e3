#include "render/mustache.h"

#include <mutex>
#include <set>
#include <utility>

#include "util/text.h"

namespace agora {
namespace {

using nlohmann::json;

// Deeper inclusion than this is a runaway recursion, not a real site.
constexpr int kMaxDepth = 100;
// Partials included in one render, all levels together: a template that
// includes itself twice doubles its work at each of kMaxDepth levels, and
// the depth bound alone would let it run for ever.
constexpr long kMaxIncludes = 1'000'000;

// The parents whose blocks are in effect, innermost first. The outermost
// override of a name wins (spec "Multi-level inheritance").
struct BlockScope {
  const TemplateNode* parent;
  const BlockScope* outer;
};

const TemplateNode* find_override(const BlockScope* scope, const std::string& name) {
  const TemplateNode* found = nullptr;
  for (; scope != nullptr; scope = scope->outer) {
    for (const TemplateNode& block : scope->parent->children) {
      if (block.text == name) found = &block;
    }
  }
  return found;
}

class Renderer {
 public:
  Renderer(TemplateSet* set, std::string* out, Diagnostics* diags)
      : set_(set), out_(out), diags_(diags) {}

  bool run(const ParsedTemplate& tmpl, const TemplateValue& context,
           const TemplateValue* globals = nullptr) {
    if (globals != nullptr) stack_.push_back(*globals);
    stack_.push_back(context);
    render(tmpl.nodes, nullptr);
    return ok_;
  }

 private:
  void render(const std::vector<TemplateNode>& nodes, const BlockScope* scope) {
    for (const TemplateNode& n : nodes) render_node(n, scope);
  }

  void render_node(const TemplateNode& n, const BlockScope* scope) {
    switch (n.kind) {
      case TemplateNodeKind::kText:
        emit_text(n.text);
        break;
      case TemplateNodeKind::kVariable:
        emit_variable(n);
        break;
      case TemplateNodeKind::kSection:
        render_section(n, scope);
        break;
      case TemplateNodeKind::kInverted:
        if (lookup(n.path).falsy()) render(n.children, scope);
        break;
      case TemplateNodeKind::kPartial:
        include(n, scope);
        break;
      case TemplateNodeKind::kParent: {
        BlockScope inner{&n, scope};
        include(n, &inner);
        break;
      }
      case TemplateNodeKind::kBlock:
        render_block(n, scope);
        break;
    }
  }

  // Indentation is owed at each line start of template text, and only there:
  // values with newlines are not reindented (spec "Standalone Indentation").
  void emit_text(std::string_view t) {
    if (indent_.empty()) {
      out_->append(t);
      if (!t.empty()) pending_indent_ = t.back() == '\n';
      return;
    }
    size_t i = 0;
    while (i < t.size()) {
      emit_pending_indent();
      size_t nl = t.find('\n', i);
      size_t end = nl == std::string_view::npos ? t.size() : nl + 1;
      out_->append(t.substr(i, end - i));
      pending_indent_ = nl != std::string_view::npos;
      i = end;
    }
  }

  void emit_pending_indent() {
    if (pending_indent_) out_->append(indent_);
    pending_indent_ = false;
  }

  void emit_variable(const TemplateNode& n) {
    emit_pending_indent();
    const TemplateValue v = lookup(n.path);
    if (v.empty()) return;
    if (const std::string* s = v.as_string()) {
      if (n.escape) {
        append_escaped_html(out_, *s);
      } else {
        out_->append(*s);
      }
      return;
    }
    std::string text = v.dump();
    if (n.escape) {
      append_escaped_html(out_, text);
    } else {
      out_->append(text);
    }
  }

  void render_section(const TemplateNode& n, const BlockScope* scope) {
    const TemplateValue v = lookup(n.path);
    if (v.falsy()) return;
    if (v.is_list()) {
      for (size_t i = 0, count = v.size(); i < count; ++i) {
        stack_.push_back(v.item(i));
        render(n.children, scope);
        stack_.pop_back();
      }
      return;
    }
    stack_.push_back(v);
    render(n.children, scope);
    stack_.pop_back();
  }

  // An overriding block is reindented to this block's indentation.
  void render_block(const TemplateNode& n, const BlockScope* scope) {
    const TemplateNode* arg = find_override(scope, n.text);
    if (arg == nullptr) {
      render(n.children, scope);
      return;
    }
    size_t saved = indent_.size();
    indent_ += n.indent;
    render(arg->dedented, scope);
    indent_.resize(saved);
  }

  // Partials and parents: a partial is a parent without arguments.
  void include(const TemplateNode& n, const BlockScope* scope) {
    // After a runaway inclusion nothing more is included: the page is
    // failed anyway, and siblings would repeat the runaway.
    if (runaway_) return;
    std::string name = n.text;
    if (n.dynamic) {
      const std::string* dynamic = lookup(n.path).as_string();
      if (dynamic == nullptr) return;
      name = *dynamic;
    }
    const ParsedTemplate* tmpl = find(name);
    if (tmpl == nullptr) return;
    if (!tmpl->ok()) {
      report(*tmpl);
      return;
    }
    if (depth_ >= kMaxDepth || ++includes_ > kMaxIncludes) {
      recursion_error(n, name);
      return;
    }
    size_t saved = indent_.size();
    if (n.standalone) indent_ += n.indent;
    ++depth_;
    render(tmpl->nodes, scope);
    --depth_;
    indent_.resize(saved);
  }

  // The set never drops a parsed template, so raw pointers stay valid; a
  // local map spares the set's lock and reference counts in hot loops.
  const ParsedTemplate* find(const std::string& name) {
    auto it = templates_.find(name);
    if (it != templates_.end()) return it->second;
    const ParsedTemplate* tmpl = set_->find(name).get();
    templates_.emplace(name, tmpl);
    return tmpl;
  }

  void report(const ParsedTemplate& tmpl) {
    ok_ = false;
    if (diags_ == nullptr || !reported_.insert(tmpl.file).second) return;
    for (const Diagnostic& d : tmpl.errors) diags_->add(d);
  }

  void recursion_error(const TemplateNode& n, const std::string& name) {
    ok_ = false;
    runaway_ = true;
    if (diags_ == nullptr || !reported_.insert("recursion:" + name).second) return;
    diags_->error(name, 0, 0, "template-recursion",
                  includes_ > kMaxIncludes
                      ? "templates were included more than " + std::to_string(kMaxIncludes) +
                            " times in one page, at '" + n.text + "'"
                      : "templates include each other more than " + std::to_string(kMaxDepth) +
                            " levels deep at '" + n.text + "'",
                  "check that recursive partials stop on empty data");
  }

  // The first name part is searched up the context stack; the rest only
  // inside what it found (spec "Dotted Names - Context Precedence").
  TemplateValue lookup(const std::vector<std::string>& path) const {
    if (path.empty()) return stack_.back();
    TemplateValue v;
    for (auto it = stack_.rbegin(); it != stack_.rend() && v.missing(); ++it) {
      v = it->member(path.front());
    }
    for (size_t i = 1; i < path.size() && !v.missing(); ++i) v = v.member(path[i]);
    return v;
  }

  TemplateSet* set_;
  std::string* out_;
  Diagnostics* diags_;
  std::vector<TemplateValue> stack_;
  std::string indent_;
  bool pending_indent_ = true;
  int depth_ = 0;
  long includes_ = 0;
  bool runaway_ = false;
  bool ok_ = true;
  std::set<std::string> reported_;
  std::unordered_map<std::string, const ParsedTemplate*> templates_;
};

bool render_parsed(TemplateSet* set, const ParsedTemplate& tmpl, const TemplateValue& context,
                   std::string* out, Diagnostics* diags, const TemplateValue* globals = nullptr) {
  if (!tmpl.ok()) {
    if (diags != nullptr) {
      for (const Diagnostic& d : tmpl.errors) diags->add(d);
    }
    return false;
  }
  return Renderer(set, out, diags).run(tmpl, context, globals);
}

}  // namespace

TemplateLoader directory_template_loader(const FileSystem& fs, std::vector<std::string> dirs,
                                         std::string ext) {
  return [&fs, dirs = std::move(dirs),
          ext = std::move(ext)](const std::string& name) -> std::optional<TemplateFile> {
    for (const std::string& dir : dirs) {
      TemplateFile file{join_path(dir, name + ext), {}};
      std::string err;
      if (fs.exists(file.path) && fs.read_file(file.path, &file.text, &err)) return file;
    }
    return std::nullopt;
  };
}

TemplateSource directory_template_source(const FileSystem& fs, std::vector<std::string> dirs,
                                         std::string ext) {
  TemplateLoader loader = directory_template_loader(fs, std::move(dirs), std::move(ext));
  return [loader = std::move(loader)](const std::string& name) -> std::optional<std::string> {
    std::optional<TemplateFile> file = loader(name);
    if (!file) return std::nullopt;
    return std::move(file->text);
  };
}

TemplateSet::TemplateSet(TemplateSource source)
    : loader_([source = std::move(source)](const std::string& name) -> std::optional<TemplateFile> {
        std::optional<std::string> text = source(name);
        if (!text) return std::nullopt;
        return TemplateFile{name, std::move(*text)};
      }) {}

TemplateSet::TemplateSet(TemplateLoader loader) : loader_(std::move(loader)) {}

std::shared_ptr<const ParsedTemplate> TemplateSet::find(const std::string& name) {
  {
    std::shared_lock lock(mutex_);
    auto it = cache_.find(name);
    if (it != cache_.end()) return it->second;
  }
  // Loading under the exclusive lock keeps "one source call per name" true
  // even when threads race for the same new template.
  std::unique_lock lock(mutex_);
  auto it = cache_.find(name);
  if (it != cache_.end()) return it->second;
  std::shared_ptr<const ParsedTemplate> parsed;
  if (std::optional<TemplateFile> file = load(name)) {
    parsed = std::make_shared<const ParsedTemplate>(parse_mustache(file->text, file->path));
  } else {
    missing_.insert(name);
  }
  cache_.emplace(name, parsed);
  return parsed;
}

// Errors are values: a throwing source counts as a missing template.
std::optional<TemplateFile> TemplateSet::load(const std::string& name) {
  try {
    return loader_(name);
  } catch (...) {
    return std::nullopt;
  }
}

std::vector<std::string> TemplateSet::missing() {
  std::shared_lock lock(mutex_);
  return {missing_.begin(), missing_.end()};
}

bool TemplateSet::has(const std::string& name) { return find(name) != nullptr; }

bool TemplateSet::render(const std::string& name, const json& context, std::string* out,
                         Diagnostics* diags, const json* globals) {
  const TemplateValue below =
      globals != nullptr ? TemplateValue::from_json(*globals) : TemplateValue();
  return render(name, TemplateValue::from_json(context), out, diags,
                globals != nullptr ? &below : nullptr);
}

bool TemplateSet::render(const std::string& name, const TemplateValue& context, std::string* out,
                         Diagnostics* diags, const TemplateValue* globals) {
  std::shared_ptr<const ParsedTemplate> tmpl = find(name);
  if (tmpl == nullptr) {
    if (diags != nullptr) {
      diags->error(name, 0, 0, "template-missing", "template '" + name + "' not found",
                   "add " + name + ".mustache to templates/ or to the theme's templates/");
    }
    return false;
  }
  return render_parsed(this, *tmpl, context, out, diags, globals);
}

bool TemplateSet::render_string(std::string_view tmpl, const std::string& file, const json& context,
                                std::string* out, Diagnostics* diags) {
  return render_parsed(this, parse_mustache(tmpl, file), TemplateValue::from_json(context), out,
                       diags);
}

std::string render_mustache(std::string_view tmpl, const nlohmann::json& data,
                            const std::map<std::string, std::string>& partials,
                            Diagnostics* diags) {
  TemplateSet set([&partials](const std::string& name) -> std::optional<std::string> {
    auto it = partials.find(name);
    if (it == partials.end()) return std::nullopt;
    return it->second;
  });
  std::string out;
  set.render_string(tmpl, "<template>", data, &out, diags);
  return out;
}

}  // namespace agora
