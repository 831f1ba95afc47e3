#include "content/front_matter_cache.h"

#include "util/little_endian.h"

namespace agora {

namespace {

// Per node: its type, style, tag, then a scalar's value, or a collection's
// count and its items (a mapping's as key, value, key, value...). Sizes and
// counts are eight bytes, little-endian.
void append_text(std::string& out, std::string_view text) {
  append_le64(out, text.size());
  out.append(text);
}

void encode_node(const YAML::Node& node, std::string& out) {
  out.push_back(static_cast<char>(node.Type()));
  out.push_back(static_cast<char>(node.Style()));
  append_text(out, node.Tag());
  if (node.IsScalar()) {
    append_text(out, node.Scalar());
  } else if (node.IsSequence() || node.IsMap()) {
    append_le64(out, node.size());
    for (const auto& item : node) {
      if (node.IsMap()) {
        encode_node(item.first, out);
        encode_node(item.second, out);
      } else {
        encode_node(item, out);
      }
    }
  }
}

class TreeReader {
 public:
  explicit TreeReader(std::string_view bytes) : rest_(bytes) {}

  bool node(YAML::Node* out, int depth) {
    // Deeper than any tree load_yaml lets through: not bytes we made.
    if (depth > 1000 || rest_.size() < 2) return false;
    const auto type = static_cast<YAML::NodeType::value>(rest_[0]);
    const auto style = static_cast<YAML::EmitterStyle::value>(rest_[1]);
    rest_.remove_prefix(2);
    std::string_view tag, scalar;
    if (!text(&tag)) return false;
    uint64_t count = 0;
    switch (type) {
      case YAML::NodeType::Null:
        *out = YAML::Node(YAML::NodeType::Null);
        break;
      case YAML::NodeType::Scalar:
        if (!text(&scalar)) return false;
        *out = YAML::Node(std::string(scalar));
        break;
      case YAML::NodeType::Sequence:
        *out = YAML::Node(YAML::NodeType::Sequence);
        if (!number(&count)) return false;
        for (uint64_t i = 0; i < count; ++i) {
          YAML::Node item;
          if (!node(&item, depth + 1)) return false;
          out->push_back(item);
        }
        break;
      case YAML::NodeType::Map:
        *out = YAML::Node(YAML::NodeType::Map);
        if (!number(&count)) return false;
        for (uint64_t i = 0; i < count; ++i) {
          YAML::Node key, value;
          if (!node(&key, depth + 1) || !node(&value, depth + 1)) return false;
          // force_insert keeps a second equal key, as the parse did.
          out->force_insert(key, value);
        }
        break;
      default:
        return false;
    }
    out->SetTag(std::string(tag));
    out->SetStyle(style);
    return true;
  }

  bool done() const { return rest_.empty(); }

 private:
  bool number(uint64_t* n) {
    if (rest_.size() < 8) return false;
    *n = read_le64(rest_.data());
    rest_.remove_prefix(8);
    return true;
  }
  bool text(std::string_view* out) {
    uint64_t size = 0;
    if (!number(&size) || size > rest_.size()) return false;
    *out = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return true;
  }

  std::string_view rest_;
};

}  // namespace

std::string encode_yaml_tree(const YAML::Node& tree) {
  std::string out;
  encode_node(tree, out);
  return out;
}

bool decode_yaml_tree(std::string_view bytes, YAML::Node* tree) {
  TreeReader reader(bytes);
  YAML::Node built;
  if (!reader.node(&built, 0) || !reader.done()) return false;
  *tree = built;
  return true;
}

}  // namespace agora
